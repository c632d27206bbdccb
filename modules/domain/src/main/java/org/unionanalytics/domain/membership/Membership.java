package org.unionanalytics.domain.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;

/**
 * One worker's membership history. A worker belongs to at most one grassroots union at a time;
 * a membership in a union that has since been dissolved no longer binds the worker.
 */
public class Membership {

    @AggregateIdentifier
    private String memberId;
    private String unionId;
    private LocalDate lastChange;

    /** For Axon, which builds a membership from its events. */
    public Membership() {
    }

    /** A worker's first membership: {@link RosterEnrolment} enrols a newcomer. */
    Membership(String worker, UnionFacts union, LocalDate joinedOn) {
        Ids.require(worker, Ids.MEMBER);
        apply(new MemberJoined(worker, union.unionId(), joinedOn));
    }

    /**
     * A worker who has been a member before joins again: after leaving, or once the union the worker
     * belonged to was dissolved (joining before its dissolution would count the worker in both).
     */
    void join(String worker, UnionFacts union, LocalDate joinedOn, UnionRegistry unions) {
        Ids.require(worker, Ids.MEMBER);
        if (unionId != null) {
            UnionFacts current = unions.requireUnion(unionId);
            require(current.isDissolved(), "one-union-at-a-time",
                    worker + " is already a member of " + unionId + "; transfer the member instead");
            require(current.isDissolvedBy(joinedOn), "one-union-at-a-time",
                    worker + " was a member of " + unionId + " until its dissolution on " + current.dissolvedOn()
                            + ", so cannot join " + union.unionId() + " on " + joinedOn);
        }
        Dates.requireNotBefore(joinedOn, lastChange, "history-in-order", worker + " joining " + union.unionId());
        apply(new MemberJoined(worker, union.unionId(), joinedOn));
    }

    @CommandHandler
    public void handle(TransferMember command, UnionRegistry unions) {
        requireActive();
        require(!command.toUnionId().equals(unionId), "transfer-to-another-union",
                memberId + " is already a member of " + unionId);
        unions.requireUnion(command.toUnionId()).requireAcceptsMembersOn(command.transferredOn(), "members");
        Dates.requireNotBefore(command.transferredOn(), lastChange, "history-in-order", "transferring " + memberId);
        apply(new MemberTransferred(memberId, unionId, command.toUnionId(), command.transferredOn()));
    }

    @CommandHandler
    public void handle(LeaveUnion command) {
        requireActive();
        Dates.requireNotBefore(command.leftOn(), lastChange, "history-in-order", memberId + " leaving " + unionId);
        apply(new MemberLeft(memberId, unionId, command.leftOn()));
    }

    private void requireActive() {
        require(unionId != null, "active-membership", memberId + " is not a member of any union");
    }

    @EventSourcingHandler
    void on(MemberJoined event) {
        memberId = event.memberId();
        unionId = event.unionId();
        lastChange = event.joinedOn();
    }

    @EventSourcingHandler
    void on(MemberTransferred event) {
        unionId = event.toUnionId();
        lastChange = event.transferredOn();
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        unionId = null;
        lastChange = event.leftOn();
    }
}
