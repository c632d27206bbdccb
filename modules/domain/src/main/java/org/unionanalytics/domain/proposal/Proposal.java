package org.unionanalytics.domain.proposal;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionanalytics.domain.enterprise.EnterpriseRegistry;
import org.unionanalytics.domain.membership.MemberRegistry;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.shared.NotFound;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;
import static org.unionanalytics.domain.shared.RuleViolation.requireNoRepeats;

/**
 * A worker's improvement proposal: submitted, then adopted or rejected (rejection is final);
 * an adopted one may be implemented with its economic benefit, recognised as an innovation
 * achievement, and, for an operation method, promoted to further enterprises.
 */
public class Proposal {

    @AggregateIdentifier
    private String proposalId;
    private ProposalCategory category;
    private ProposalStatus status;
    private boolean recognised;
    private LocalDate lastStep;
    private final Set<String> promotedTo = new HashSet<>();

    protected Proposal() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Proposal(SubmitProposal command, MemberRegistry members, EnterpriseRegistry enterprises) {
        Ids.require(command.proposalId(), Ids.PROPOSAL);
        require(command.category() != null, "category-required", "a proposal needs a category");
        require(command.title() != null && !command.title().isBlank(), "title-required", "a proposal needs a title");
        require(command.submittedOn() != null, "date-required", "a proposal needs a submission date");
        require(command.enterpriseId() == null || Ids.isOfType(command.enterpriseId(), Ids.ENTERPRISE), "id-format",
                "'" + command.enterpriseId() + "' is not an enterprise id");
        requireRegistered(command.enterpriseId(), enterprises);
        requireOwnUnion(command, members);
        apply(new ProposalSubmitted(command.proposalId(), command.memberId(), command.unionId(),
                command.enterpriseId(), command.category(), command.title(), command.submittedOn()));
    }

    @CommandHandler
    public void handle(AdoptProposal command) {
        requireStatus(ProposalStatus.SUBMITTED, "adopted");
        requireInOrder(command.adoptedOn(), "adopting");
        apply(new ProposalAdopted(proposalId, command.adoptedOn()));
    }

    @CommandHandler
    public void handle(RejectProposal command) {
        requireStatus(ProposalStatus.SUBMITTED, "rejected");
        requireInOrder(command.rejectedOn(), "rejecting");
        apply(new ProposalRejected(proposalId, command.rejectedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(ImplementProposal command) {
        requireStatus(ProposalStatus.ADOPTED, "implemented");
        var benefit = command.economicBenefitYuan();
        require(benefit != null && benefit.signum() >= 0, "benefit-not-negative",
                "the economic benefit must be 0 yuan or more (got " + benefit + ")");
        require(benefit.stripTrailingZeros().scale() <= 2, "benefit-in-fen",
                "the economic benefit is counted in yuan with at most two decimals (got " + benefit + ")");
        requireInOrder(command.implementedOn(), "implementing");
        apply(new ProposalImplemented(proposalId, command.implementedOn(),
                benefit.setScale(2, RoundingMode.UNNECESSARY)));
    }

    @CommandHandler
    public void handle(RecogniseProposal command) {
        require(status.isAdopted(), "recognise-adopted",
                proposalId + " is " + status + "; only an adopted or implemented proposal is recognised");
        require(!recognised, "recognised-once", proposalId + " is already recognised as an innovation achievement");
        requireInOrder(command.recognisedOn(), "recognising");
        apply(new ProposalRecognised(proposalId, command.recognisedOn()));
    }

    @CommandHandler
    public void handle(PromoteOperationMethod command, EnterpriseRegistry enterprises) {
        require(category == ProposalCategory.OPERATION_METHOD, "promote-operation-methods",
                proposalId + " is a " + category + "; only OPERATION_METHOD proposals are promoted");
        require(status.isAdopted(), "promote-adopted", proposalId + " is " + status + ", not adopted");
        require(command.enterpriseIds() != null && !command.enterpriseIds().isEmpty(), "enterprises-required",
                "a promotion names the enterprises the method spreads to");
        requireNoRepeats(command.enterpriseIds(), "the promotion");
        requireInOrder(command.promotedOn(), "promoting");
        for (String enterpriseId : command.enterpriseIds()) {
            Ids.require(enterpriseId, Ids.ENTERPRISE);
            require(!promotedTo.contains(enterpriseId), "promote-once",
                    proposalId + " was already promoted to " + enterpriseId);
            enterprises.requireRegisteredOn(enterpriseId, command.promotedOn(), "promotion");
        }
        apply(new OperationMethodPromoted(proposalId, command.enterpriseIds(), command.promotedOn()));
    }

    private void requireStatus(ProposalStatus expected, String step) {
        require(status == expected, "proposal-lifecycle",
                proposalId + " is " + status + " and cannot be " + step + " (only a " + expected + " one can)");
    }

    /**
     * Through the union the member belonged to on the proposal's day. Whether that union had been
     * dissolved by then is not asked: one more union read for every proposal cost the import 4% of its CPU.
     */
    private static void requireOwnUnion(SubmitProposal command, MemberRegistry members) {
        LocalDate day = command.submittedOn();
        String union = members.unionOn(command.memberId(), day).orElse(null);
        require(command.unionId() != null && command.unionId().equals(union), "submitted-through-own-union",
                command.memberId() + (union == null ? " was not a member of any union on " + day
                        : " was a member of " + union + " on " + day + ", not of " + command.unionId()));
    }

    /** A typo in an enterprise's id would otherwise be counted as an enterprise of no industry, ownership or place. */
    private static void requireRegistered(String enterpriseId, EnterpriseRegistry enterprises) {
        if (enterpriseId != null && !enterprises.isEnterprise(enterpriseId)) {
            throw new NotFound("enterprise", enterpriseId);
        }
    }

    private void requireInOrder(LocalDate date, String step) {
        Dates.requireNotBefore(date, lastStep, "history-in-order", step + " " + proposalId);
    }

    @EventSourcingHandler
    void on(ProposalSubmitted event) {
        proposalId = event.proposalId();
        category = event.category();
        status = ProposalStatus.SUBMITTED;
        lastStep = event.submittedOn();
    }

    @EventSourcingHandler
    void on(ProposalAdopted event) {
        status = ProposalStatus.ADOPTED;
        lastStep = event.adoptedOn();
    }

    @EventSourcingHandler
    void on(ProposalRejected event) {
        status = ProposalStatus.REJECTED;
        lastStep = event.rejectedOn();
    }

    @EventSourcingHandler
    void on(ProposalImplemented event) {
        status = ProposalStatus.IMPLEMENTED;
        lastStep = event.implementedOn();
    }

    @EventSourcingHandler
    void on(ProposalRecognised event) {
        recognised = true;
        lastStep = event.recognisedOn();
    }

    @EventSourcingHandler
    void on(OperationMethodPromoted event) {
        promotedTo.addAll(event.enterpriseIds());
        lastStep = event.promotedOn();
    }
}
