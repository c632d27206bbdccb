package org.unionanalytics.domain.membership;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.KnownFacts;

import java.time.LocalDate;
import java.util.List;

import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.shared.District.HAISHU;
import static org.unionanalytics.domain.union.UnionKind.DISTRICT_FEDERATION;
import static org.unionanalytics.domain.union.UnionKind.ENTERPRISE;

class MembershipTest {

    private static final LocalDate JOINED = LocalDate.of(2013, 3, 1);
    private static final MemberJoined JOINED_A = new MemberJoined("member-1", "union-a", JOINED);

    private final KnownFacts facts = new KnownFacts()
            .union("union-a", ENTERPRISE, HAISHU)
            .union("union-b", ENTERPRISE, HAISHU)
            .union("union-district", DISTRICT_FEDERATION, HAISHU)
            .dissolvedUnion("union-gone", ENTERPRISE, LocalDate.of(2012, 12, 31));
    private AggregateTestFixture<Membership> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Membership.class);
        fixture.registerInjectableResource(facts);
        // the facts also say which workers joined before: a test giving a membership says so there too
        fixture.registerAnnotatedCommandHandler(new RosterEnrolment(fixture.getRepository(), facts, facts));
    }

    @Test
    void a_roster_enrols_a_worker_into_an_active_grassroots_union() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-a", List.of("member-1"), JOINED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(JOINED_A);
    }

    @Test
    void a_dissolved_union_takes_no_new_members() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-gone", List.of("member-1"), JOINED))
                .expectException(brokenRule("union-dissolved"))
                .expectNoEvents();
    }

    @Test
    void nobody_joins_before_the_union_was_founded() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-a", List.of("member-1"), KnownFacts.FOUNDED.minusDays(1)))
                .expectException(brokenRule("not-before-founding"));
    }

    @Test
    void members_join_grassroots_unions_only() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-district", List.of("member-1"), JOINED))
                .expectException(brokenRule("grassroots-only"));
    }

    @Test
    void a_worker_is_a_member_of_at_most_one_union_at_a_time() {
        facts.member("member-1", "union-a");
        fixture.given(JOINED_A)
                .when(new EnrollMembers("union-b", List.of("member-1"), JOINED.plusDays(1)))
                .expectException(brokenRule("one-union-at-a-time"))
                .expectNoEvents();
    }

    @Test
    void a_member_of_a_dissolved_union_joins_another_only_from_its_dissolution() {
        facts.member("member-1", "union-gone");
        fixture.given(new MemberJoined("member-1", "union-gone", LocalDate.of(2011, 1, 1)))
                .when(new EnrollMembers("union-a", List.of("member-1"), LocalDate.of(2012, 12, 30)))
                .expectException(brokenRule("one-union-at-a-time"))
                .expectExceptionMessage("member-1 was a member of union-gone until its dissolution on 2012-12-31, "
                        + "so cannot join union-a on 2012-12-30");
    }

    @Test
    void a_member_of_a_dissolved_union_may_join_another() {
        facts.member("member-1", "union-gone");
        fixture.given(new MemberJoined("member-1", "union-gone", LocalDate.of(2011, 1, 1)))
                .when(new EnrollMembers("union-a", List.of("member-1"), JOINED))
                .expectEvents(JOINED_A);
    }

    @Test
    void a_roster_lists_each_worker_once() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-a", List.of("member-1", "member-1"), JOINED))
                .expectException(brokenRule("no-repeats"))
                .expectExceptionMessage("member-1 is listed twice in the roster");
    }

    @Test
    void a_roster_is_not_empty() {
        fixture.givenNoPriorActivity()
                .when(new EnrollMembers("union-a", List.of(), JOINED))
                .expectException(brokenRule("roster-not-empty"));
    }

    @Test
    void a_transfer_moves_a_member_to_another_union() {
        fixture.given(JOINED_A)
                .when(new TransferMember("member-1", "union-b", JOINED.plusMonths(6)))
                .expectEvents(new MemberTransferred("member-1", "union-a", "union-b", JOINED.plusMonths(6)));
    }

    @Test
    void a_transfer_needs_an_active_membership() {
        fixture.given(JOINED_A, new MemberLeft("member-1", "union-a", JOINED.plusDays(1)))
                .when(new TransferMember("member-1", "union-b", JOINED.plusMonths(6)))
                .expectException(brokenRule("active-membership"));
    }

    @Test
    void a_transfer_goes_to_a_union_that_takes_members() {
        fixture.given(JOINED_A)
                .when(new TransferMember("member-1", "union-gone", JOINED.plusMonths(6)))
                .expectException(brokenRule("union-dissolved"));
    }

    @Test
    void leaving_ends_the_membership() {
        fixture.given(JOINED_A)
                .when(new LeaveUnion("member-1", JOINED.plusYears(1)))
                .expectEvents(new MemberLeft("member-1", "union-a", JOINED.plusYears(1)));
    }

    @Test
    void leaving_needs_an_active_membership() {
        fixture.given(JOINED_A, new MemberLeft("member-1", "union-a", JOINED.plusDays(1)))
                .when(new LeaveUnion("member-1", JOINED.plusYears(1)))
                .expectException(brokenRule("active-membership"));
    }

    @Test
    void a_member_does_not_leave_before_joining() {
        fixture.given(JOINED_A)
                .when(new LeaveUnion("member-1", JOINED.minusDays(1)))
                .expectException(brokenRule("history-in-order"));
    }
}
