package org.unionanalytics.scenario;

import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PhaseProgressTest {

    private static final long SECOND = 1_000_000_000L;
    private static final LocalDate DAY = LocalDate.of(2013, 1, 1);

    private static Step roster(int members) {
        return new Step(8, "roster-" + members, new EnrollMembers("union-" + members,
                Collections.nCopies(members, "member"), DAY));
    }

    @Test
    void a_roster_weighs_as_many_as_its_members_and_a_single_command_one() {
        assertThat(roster(300).weight()).isEqualTo(300);
        assertThat(new Step(9, "leave", new LeaveUnion("member-1", DAY)).weight()).isEqualTo(1);
    }

    @Test
    void progress_counts_members_enrolled_not_rosters_done() {
        List<Step> rosters = new ArrayList<>(Collections.nCopies(9, roster(10)));
        rosters.add(roster(910)); // the largest unions' rosters come last
        PhaseProgress phase = new PhaseProgress(8, rosters, 500, 0);

        // nine small rosters done of ten: a tenth of the members
        assertThat(phase.describe(500 + 90, 10 * SECOND))
                .isEqualTo("phase 8 (10 EnrollMembers) [#-------------------] 9%, about 1 min 41 s left");
    }

    @Test
    void a_phase_done_or_not_begun_says_no_time_left() {
        PhaseProgress phase = new PhaseProgress(9, List.of(new Step(9, "leave", new LeaveUnion("member-1", DAY))), 0, 0);

        assertThat(phase.describe(0, SECOND)).isEqualTo("phase 9 (1 LeaveUnion) [--------------------] 0%");
        assertThat(phase.describe(1, SECOND)).isEqualTo("phase 9 (1 LeaveUnion) [####################] 100%");
    }
}
