package org.unionanalytics.domain.competition;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.KnownFacts;
import org.unionanalytics.domain.shared.NotFound;

import java.time.LocalDate;
import java.util.List;

import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.competition.CompetitionKind.KEY_PROJECT_MERIT;
import static org.unionanalytics.domain.competition.CompetitionKind.SKILL_ELITE;
import static org.unionanalytics.domain.competition.ParticipantKind.ENTERPRISE;
import static org.unionanalytics.domain.competition.ParticipantKind.MEMBER;
import static org.unionanalytics.domain.competition.ParticipantKind.TEAM;
import static org.unionanalytics.domain.shared.District.HAISHU;
import static org.unionanalytics.domain.union.UnionKind.DISTRICT_FEDERATION;

class CompetitionTest {

    private static final LocalDate START = LocalDate.of(2014, 4, 1);
    private static final LocalDate END = LocalDate.of(2014, 10, 31);
    private static final CompetitionLaunched LAUNCHED = new CompetitionLaunched("competition-weld", "union-haishu",
            SKILL_ELITE, "Welding elite", START, END, null);
    private static final ParticipantEnrolled ENROLLED = new ParticipantEnrolled("competition-weld", MEMBER,
            "member-1", START);

    private final KnownFacts facts = new KnownFacts()
            .union("union-haishu", DISTRICT_FEDERATION, HAISHU)
            .dissolvedUnion("union-gone", DISTRICT_FEDERATION, LocalDate.of(2013, 1, 1))
            .keyProject("keyproject-port")
            .member("member-1", "union-works")
            .member("member-gone", "union-works", KnownFacts.FOUNDED, START)
            .member("member-late", "union-works", START.plusDays(1), null)
            .enterprises("enterprise-docks")
            .enterprise("enterprise-new", START.plusDays(1), null);
    private AggregateTestFixture<Competition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Competition.class);
        fixture.registerInjectableResource(facts);
    }

    @Test
    void an_active_union_launches_a_competition() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition("competition-weld", "union-haishu", SKILL_ELITE, "Welding elite", START,
                        END, null))
                .expectEvents(LAUNCHED);
    }

    @Test
    void a_dissolved_union_launches_no_competition() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition("competition-weld", "union-gone", SKILL_ELITE, "Welding elite", START,
                        END, null))
                .expectException(brokenRule("organiser-active"));
    }

    @Test
    void a_merit_competition_is_held_on_a_registered_key_project() {
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition("competition-port", "union-haishu", KEY_PROJECT_MERIT, "Port merit",
                        START, END, "keyproject-port"))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition("competition-port", "union-haishu", KEY_PROJECT_MERIT, "Port merit",
                        START, END, "keyproject-unknown"))
                .expectException(brokenRule("key-project-registered"));
        fixture.givenNoPriorActivity()
                .when(new LaunchCompetition("competition-port", "union-haishu", KEY_PROJECT_MERIT, "Port merit",
                        START, END, null))
                .expectException(brokenRule("key-project-required"));
    }

    @Test
    void participants_enrol_while_the_competition_is_open() {
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-1"),
                        new Participant(TEAM, "team-a")), START))
                .expectEvents(ENROLLED, new ParticipantEnrolled("competition-weld", TEAM, "team-a", START));
    }

    @Test
    void members_and_enterprises_take_part_under_ids_the_log_knows() {
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-1"),
                        new Participant(MEMBER, "member-typo")), START))
                .expectException(NotFound.class)
                .expectExceptionMessage("no member with id member-typo has been recorded");
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(ENTERPRISE, "enterprise-docks"),
                        new Participant(ENTERPRISE, "enterprise-typo")), START))
                .expectException(NotFound.class)
                .expectExceptionMessage("no enterprise with id enterprise-typo has been recorded");
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(ENTERPRISE, "enterprise-docks")), START))
                .expectEvents(new ParticipantEnrolled("competition-weld", ENTERPRISE, "enterprise-docks", START));
    }

    @Test
    void enterprises_take_part_while_registered() {
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(ENTERPRISE, "enterprise-new")), START))
                .expectException(brokenRule("enterprise-registered"))
                .expectExceptionMessage("enterprise-new was registered only on " + START.plusDays(1)
                        + " and takes no enrolment on " + START);
    }

    @Test
    void members_take_part_as_members_of_a_union_on_the_day_they_enrol() {
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-gone")), START))
                .expectException(brokenRule("member-of-a-union"))
                .expectExceptionMessage("member-gone was not a member of any union on " + START);
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-late")), START))
                .expectException(brokenRule("member-of-a-union"));
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-late")),
                        START.plusDays(1)))
                .expectEvents(new ParticipantEnrolled("competition-weld", MEMBER, "member-late", START.plusDays(1)));
    }

    @Test
    void nobody_enrols_after_the_competition_closed() {
        fixture.given(LAUNCHED, new CompetitionClosed("competition-weld", START.plusDays(10)))
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-1")),
                        START.plusDays(11)))
                .expectException(brokenRule("enrol-while-open"));
    }

    @Test
    void nobody_enrols_outside_the_competitions_period() {
        fixture.given(LAUNCHED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-1")),
                        END.plusDays(1)))
                .expectException(brokenRule("enrol-while-open"));
    }

    @Test
    void a_participant_enrols_once() {
        fixture.given(LAUNCHED, ENROLLED)
                .when(new EnrollParticipants("competition-weld", List.of(new Participant(MEMBER, "member-1")), START))
                .expectException(brokenRule("enrol-once"));
    }

    @Test
    void awards_go_to_enrolled_participants_only() {
        fixture.given(LAUNCHED, ENROLLED)
                .when(new GrantAward("competition-weld", "member-1", AwardTitle.MERIT_BUILDER, END))
                .expectEvents(new AwardGranted("competition-weld", "member-1", AwardTitle.MERIT_BUILDER, END));
        fixture.given(LAUNCHED, ENROLLED)
                .when(new GrantAward("competition-weld", "member-2", AwardTitle.MERIT_BUILDER, END))
                .expectException(brokenRule("award-to-enrolled"));
    }

    @Test
    void an_award_comes_on_or_after_the_day_its_participant_enrolled() {
        LocalDate enrolled = START.plusDays(10);
        ParticipantEnrolled later = new ParticipantEnrolled("competition-weld", TEAM, "team-a", enrolled);
        fixture.given(LAUNCHED, later)
                .when(new GrantAward("competition-weld", "team-a", AwardTitle.FIRST_PRIZE, enrolled.minusDays(1)))
                .expectException(brokenRule("not-before-enrolment"))
                .expectExceptionMessage("team-a was enrolled in competition-weld on " + enrolled + "; an award on "
                        + enrolled.minusDays(1) + " would come before it");
        fixture.given(LAUNCHED, later)
                .when(new GrantAward("competition-weld", "team-a", AwardTitle.FIRST_PRIZE, enrolled))
                .expectEvents(new AwardGranted("competition-weld", "team-a", AwardTitle.FIRST_PRIZE, enrolled));
    }

    @Test
    void a_collective_honour_goes_to_teams_and_enterprises() {
        fixture.given(LAUNCHED, ENROLLED)
                .when(new GrantAward("competition-weld", "member-1", AwardTitle.MODEL_COLLECTIVE, END))
                .expectException(brokenRule("award-fits-participant"));
    }

    @Test
    void a_competition_is_closed_once() {
        fixture.given(LAUNCHED)
                .when(new CloseCompetition("competition-weld", END))
                .expectEvents(new CompetitionClosed("competition-weld", END));
        fixture.given(LAUNCHED, new CompetitionClosed("competition-weld", END))
                .when(new CloseCompetition("competition-weld", END))
                .expectException(brokenRule("closed-once"));
    }
}
