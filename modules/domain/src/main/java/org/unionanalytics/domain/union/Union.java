package org.unionanalytics.domain.union;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.shared.Township;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;
import static org.unionanalytics.domain.shared.RuleViolation.requireNoRepeats;
import static org.unionanalytics.domain.union.UnionKind.DISTRICT_FEDERATION;
import static org.unionanalytics.domain.union.UnionKind.ENTERPRISE;
import static org.unionanalytics.domain.union.UnionKind.MUNICIPAL_FEDERATION;
import static org.unionanalytics.domain.union.UnionKind.REGIONAL;
import static org.unionanalytics.domain.union.UnionKind.TOWNSHIP_FEDERATION;

/** A union in the federation tree: established once under an active parent, dissolved at most once. */
public class Union {

    @AggregateIdentifier
    private String unionId;
    private LocalDate foundedOn;
    private LocalDate dissolvedOn;

    protected Union() {
        // for Axon: rebuilt from its events
    }

    /** Establishment spans aggregates (the parent, covered enterprises), so {@link UnionFounding} handles it. */
    Union(EstablishUnion command, UnionFacts parent) {
        Ids.require(command.unionId(), Ids.UNION);
        require(command.name() != null && !command.name().isBlank(), "name-required", "a union needs a name");
        require(command.kind() != null, "kind-required", "a union needs a kind");
        require(command.foundedOn() != null, "date-required", "a union needs a founding date");
        requirePlace(command);
        requireParent(command, parent);
        requireCoverage(command);
        apply(new UnionEstablished(command.unionId(), command.name(), command.kind(), command.subkind(),
                command.district(), command.township(), command.parentUnionId(), command.foundedOn()));
    }

    @CommandHandler
    public void handle(DissolveUnion command) {
        require(dissolvedOn == null, "dissolved-once", unionId + " was already dissolved on " + dissolvedOn);
        Dates.requireNotBefore(command.dissolvedOn(), foundedOn, "not-before-founding", "dissolving " + unionId);
        apply(new UnionDissolved(unionId, command.dissolvedOn()));
    }

    private static void requirePlace(EstablishUnion command) {
        if (command.kind() == MUNICIPAL_FEDERATION) {
            require(command.district() == null && command.township() == null, "place-matches-kind",
                    "the municipal federation belongs to no district or township");
            return;
        }
        require(command.district() != null, "district-required", "a " + command.kind() + " needs a district");
        boolean needsTownship = command.kind() == TOWNSHIP_FEDERATION || command.kind().isGrassroots();
        if (needsTownship) {
            Township.requireIn(command.district(), command.township());
        } else {
            require(command.township() == null, "place-matches-kind", "a district federation has no township");
        }
        require((command.kind() == REGIONAL) == (command.subkind() != null), "subkind-for-regional",
                "a subkind (COMMUNITY, VILLAGE, BUSINESS_DISTRICT, BUILDING) is given for REGIONAL unions and only for them");
    }

    private static void requireParent(EstablishUnion command, UnionFacts parent) {
        if (command.kind() == MUNICIPAL_FEDERATION) {
            require(parent == null, "parent-matches-kind", "the municipal federation has no parent");
            return;
        }
        require(parent != null, "parent-required", "every union but the municipal federation needs a parent union");
        require(parent.isActive(), "parent-active",
                "parent " + parent.unionId() + " was dissolved on " + parent.dissolvedOn());
        require(!command.foundedOn().isBefore(parent.foundedOn()), "not-before-parent",
                "a union founded on " + command.foundedOn() + " cannot have a parent founded later, on " + parent.foundedOn());
        UnionKind expected = switch (command.kind()) {
            case DISTRICT_FEDERATION -> MUNICIPAL_FEDERATION;
            case TOWNSHIP_FEDERATION -> DISTRICT_FEDERATION;
            default -> null;
        };
        require(parent.kind().isFederation() && (expected == null || parent.kind() == expected), "parent-matches-kind",
                "a " + command.kind() + " cannot have the " + parent.kind() + " " + parent.unionId() + " as its parent");
        require(parent.district() == null || parent.district() == command.district(), "parent-in-district",
                "parent " + parent.unionId() + " lies in " + parent.district() + ", not in " + command.district());
    }

    private static void requireCoverage(EstablishUnion command) {
        int covered = command.coveredEnterpriseIds().size();
        if (command.kind() == ENTERPRISE) {
            require(covered == 1, "enterprise-union-covers-one",
                    "an ENTERPRISE union covers exactly one enterprise, not " + covered);
        } else if (command.kind().isFederation()) {
            require(covered == 0, "federations-cover-none", "a federation covers no enterprise directly");
        }
        requireNoRepeats(command.coveredEnterpriseIds(), "the coverage");
    }

    @EventSourcingHandler
    void on(UnionEstablished event) {
        unionId = event.unionId();
        foundedOn = event.foundedOn();
    }

    @EventSourcingHandler
    void on(UnionDissolved event) {
        dissolvedOn = event.dissolvedOn();
    }
}
