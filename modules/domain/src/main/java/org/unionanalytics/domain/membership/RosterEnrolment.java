package org.unionanalytics.domain.membership;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionRegistry;

import java.util.Set;

import static org.unionanalytics.domain.shared.RuleViolation.require;
import static org.unionanalytics.domain.shared.RuleViolation.requireNoRepeats;

/**
 * Unions enrol members in rosters. Each worker's membership is its own aggregate, so one roster
 * touches many; they share the unit of work, so the roster is stored whole or not at all.
 */
public class RosterEnrolment {

    /** Keeps one command, and so one atomic append, to a size the event store writes in one batch. */
    public static final int MAX_ROSTER = 10_000;

    private final Repository<Membership> memberships;
    private final UnionRegistry unions;
    private final MemberRegistry members;

    public RosterEnrolment(Repository<Membership> memberships, UnionRegistry unions, MemberRegistry members) {
        this.memberships = memberships;
        this.unions = unions;
        this.members = members;
    }

    @CommandHandler
    public int handle(EnrollMembers command) throws Exception {
        var roster = command.memberIds();
        require(roster != null && !roster.isEmpty(), "roster-not-empty", "a roster needs at least one member");
        require(roster.size() <= MAX_ROSTER, "roster-size",
                "a roster holds at most " + MAX_ROSTER + " members (got " + roster.size() + "); split it");
        requireNoRepeats(roster, "the roster");
        require(command.joinedOn() != null, "date-required", "a roster needs a joining date");
        UnionFacts union = unions.requireUnion(command.unionId());
        union.requireAcceptsMembersOn(command.joinedOn(), "members");
        // newcomers, most of a roster, are created outright: Axon's loadOrCreate would first read the
        // store for them and throw and catch an exception with its stack trace (an import: -6% CPU);
        // who joined before is asked once for the whole roster (on PostgreSQL, one round trip)
        Set<String> returning = members.joinedBefore(roster);
        for (String memberId : roster) {
            if (returning.contains(memberId)) {
                memberships.load(memberId)
                        .execute(membership -> membership.join(memberId, union, command.joinedOn(), unions));
            } else {
                memberships.newInstance(() -> new Membership(memberId, union, command.joinedOn()));
            }
        }
        return roster.size();
    }
}
