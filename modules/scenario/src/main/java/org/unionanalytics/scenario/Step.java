package org.unionanalytics.scenario;

import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.membership.EnrollMembers;

/**
 * One command of a generated history. Commands of one phase may run in parallel, except that those
 * on one aggregate run in their order; a phase starts when the previous one is done.
 * The command id makes a repeated import store nothing twice.
 */
public record Step(int phase, String commandId, Object command) {

    /** How much of its phase's work this command is: one, or one for each member or participant it enrols. */
    public int weight() {
        if (command instanceof EnrollMembers roster) {
            return roster.memberIds().size();
        }
        if (command instanceof EnrollParticipants enrolment) {
            return enrolment.participants().size();
        }
        return 1;
    }
}
