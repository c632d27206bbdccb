package org.unionanalytics.domain.enterprise;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.shared.Township;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;

/**
 * An employer (企事业单位): registered once, reports its workforce, is covered by at most one
 * grassroots union at a time, and may be deregistered.
 */
public class Enterprise {

    @AggregateIdentifier
    private String enterpriseId;
    private LocalDate registeredOn;
    private LocalDate deregisteredOn;
    private LocalDate lastWorkforceFrom;
    private String coveringUnionId;
    private LocalDate lastCoverageChange;

    protected Enterprise() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Enterprise(RegisterEnterprise command) {
        Ids.require(command.enterpriseId(), Ids.ENTERPRISE);
        require(command.name() != null && !command.name().isBlank(), "name-required", "an enterprise needs a name");
        require(command.ownership() != null && command.industry() != null && command.district() != null,
                "classification-required", "an enterprise needs an ownership, an industry and a district");
        Township.requireIn(command.district(), command.township());
        require(command.registeredOn() != null, "date-required", "an enterprise needs a registration date");
        apply(new EnterpriseRegistered(command.enterpriseId(), command.name(), command.ownership(), command.industry(),
                command.district(), command.township(), command.registeredOn()));
    }

    @CommandHandler
    public void handle(ReportWorkforce command) {
        requireRegistered();
        require(command.headcount() >= 0, "headcount-not-negative",
                "a workforce headcount cannot be negative (got " + command.headcount() + ")");
        Dates.requireNotBefore(command.effectiveFrom(), registeredOn, "not-before-registration",
                "a workforce report");
        Dates.requireNotBefore(command.effectiveFrom(), lastWorkforceFrom, "reports-in-order",
                "a workforce report");
        apply(new WorkforceReported(enterpriseId, command.headcount(), command.effectiveFrom()));
    }

    @CommandHandler
    public void handle(CoverEnterprise command, UnionRegistry unions) {
        UnionFacts union = unions.requireUnion(command.unionId());
        require(union.kind() != UnionKind.ENTERPRISE, "enterprise-union-covers-one",
                "an ENTERPRISE union covers only the enterprise it was established with");
        coverBy(union, command.since(), unions);
    }

    /** Also called when a union is established together with the enterprises it covers. */
    public void coverBy(UnionFacts union, LocalDate since, UnionRegistry unions) {
        requireRegistered();
        require(since != null, "date-required", "coverage needs a start date");
        union.requireAcceptsMembersOn(since, "coverage");
        if (coveringUnionId != null) {
            // a dissolved union's coverage ends with it: another union may cover the enterprise from then on
            UnionFacts covering = unions.requireUnion(coveringUnionId);
            require(covering.isDissolved(), "covered-once", enterpriseId + " is already covered by "
                    + coveringUnionId + "; end that coverage before another union covers it");
            require(covering.isDissolvedBy(since), "covered-once", enterpriseId + " was covered by "
                    + coveringUnionId + " until its dissolution on " + covering.dissolvedOn()
                    + ", so " + union.unionId() + " cannot cover it from " + since);
        }
        Dates.requireNotBefore(since, registeredOn, "not-before-registration", "coverage of " + enterpriseId);
        Dates.requireNotBefore(since, lastCoverageChange, "coverage-in-order", "coverage of " + enterpriseId);
        apply(new EnterpriseCovered(enterpriseId, union.unionId(), since));
    }

    @CommandHandler
    public void handle(EndCoverage command) {
        require(coveringUnionId != null, "coverage-required", enterpriseId + " is not covered by any union");
        Dates.requireNotBefore(command.endedOn(), lastCoverageChange, "coverage-in-order",
                "ending the coverage of " + enterpriseId);
        apply(new CoverageEnded(enterpriseId, coveringUnionId, command.endedOn()));
    }

    @CommandHandler
    public void handle(DeregisterEnterprise command) {
        requireRegistered();
        Dates.requireNotBefore(command.deregisteredOn(), registeredOn, "not-before-registration",
                "deregistering " + enterpriseId);
        apply(new EnterpriseDeregistered(enterpriseId, command.deregisteredOn()));
    }

    private void requireRegistered() {
        require(deregisteredOn == null, "enterprise-deregistered",
                enterpriseId + " was deregistered on " + deregisteredOn);
    }

    @EventSourcingHandler
    void on(EnterpriseRegistered event) {
        enterpriseId = event.enterpriseId();
        registeredOn = event.registeredOn();
    }

    @EventSourcingHandler
    void on(WorkforceReported event) {
        lastWorkforceFrom = event.effectiveFrom();
    }

    @EventSourcingHandler
    void on(EnterpriseCovered event) {
        coveringUnionId = event.unionId();
        lastCoverageChange = event.since();
    }

    @EventSourcingHandler
    void on(CoverageEnded event) {
        coveringUnionId = null;
        lastCoverageChange = event.endedOn();
    }

    @EventSourcingHandler
    void on(EnterpriseDeregistered event) {
        deregisteredOn = event.deregisteredOn();
    }
}
