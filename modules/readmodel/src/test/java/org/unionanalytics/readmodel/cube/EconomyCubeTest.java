package org.unionanalytics.readmodel.cube;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.competition.ParticipantEnrolled;
import org.unionanalytics.domain.competition.ParticipantKind;
import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.readmodel.CubeHistory;
import org.unionanalytics.readmodel.ProjectedHistory;
import org.unionanalytics.readmodel.economy.EconomyDays;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionanalytics.readmodel.cube.Ask.ask;
import static org.unionanalytics.readmodel.cube.Filter.Operator.EQUALS;
import static org.unionanalytics.readmodel.cube.Filter.Operator.IN_DATE_RANGE;

/**
 * The economy cube counts from the totals the projector keeps per day what the competitions,
 * participations and proposals cubes count from their facts, for every period and date, and as
 * known at any position. {@link CubeHistory}, then a late enrolment in a skill contest and a
 * second promotion of an operation method.
 */
class EconomyCubeTest {

    private static final List<String> FLOWS = List.of("skillContests", "skillContestParticipations",
            "rationalizationProposals", "innovationAchievements", "operationMethodsPromoted");

    @TempDir
    static Path directory;
    static ProjectedHistory history;
    static CubeEngine cubes;
    static List<Long> positions;

    @BeforeAll
    static void recordTheHistory() {
        history = new ProjectedHistory(directory);
        cubes = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10));
        CubeHistory.Positions changed = CubeHistory.record(history);
        long beforeLateEnrolment = history.head();
        history.publish(
                new ParticipantEnrolled("competition-2", ParticipantKind.MEMBER, "member-3", LocalDate.of(2016, 2, 15)),
                new OperationMethodPromoted("proposal-2", List.of("enterprise-4"), LocalDate.of(2016, 3, 1)));
        // another on the same day in a batch of its own: two rows of that day to sum
        history.caughtUp();
        history.publish(new ParticipantEnrolled("competition-2", ParticipantKind.TEAM, "team-y", LocalDate.of(2016, 2, 15)));
        positions = List.of(changed.beforeImplementationOfP1(), changed.beforeTransferOfM1(),
                changed.beforeCoverageOfE3Ended(), beforeLateEnrolment, history.head());
    }

    @AfterAll
    static void close() {
        history.close();
    }

    @Test
    void a_participation_enrolled_after_its_contest_started_counts_from_its_enrolment() {
        assertThat(flows(period("2015-01-01", "2015-12-31").asOf("2015-12-31")).get("skillContestParticipations")).isEqualTo(2L);
        assertThat(flows(period("2015-01-01", "2015-12-31").asOf("2016-02-14")).get("skillContestParticipations")).isEqualTo(2L);
        assertThat(flows(period("2015-01-01", "2015-12-31").asOf("2016-02-15")).get("skillContestParticipations")).isEqualTo(4L);
    }

    @Test
    void an_operation_method_counts_once_on_its_first_promotion() {
        assertThat(flows(period("2015-01-01", "2016-12-31")).get("operationMethodsPromoted")).isEqualTo(1L);
        assertThat(flows(period("2016-01-01", "2016-12-31")).get("operationMethodsPromoted")).isEqualTo(0L);
    }

    @Test
    void every_period_taken_on_every_date_gives_what_the_flow_cubes_count_from_their_facts() {
        List<LocalDate> days = quarterDays();
        for (LocalDate from : days) {
            for (LocalDate to : days.subList(days.indexOf(from), days.size())) {
                for (LocalDate on : List.of(to, to.plusMonths(5), LocalDate.of(2017, 9, 21))) {
                    Ask economy = period(from.toString(), to.toString()).asOf(on.toString());
                    assertThat(flows(economy)).as("%s to %s on %s", from, to, on).isEqualTo(counted(from, to, on, null));
                }
            }
        }
    }

    @Test
    void as_known_at_each_position_it_counts_the_facts_as_they_were_known_then() {
        List<LocalDate> days = quarterDays();
        for (long position : positions) {
            for (LocalDate from : days.subList(0, days.size() / 2)) {
                LocalDate to = from.plusYears(2);
                Ask economy = period(from.toString(), to.toString()).asOf(to.toString()).knownAt(position);
                assertThat(flows(economy)).as("%s to %s known at %d", from, to, position)
                        .isEqualTo(counted(from, to, to, position));
            }
        }
    }

    @Test
    void the_daily_totals_answer_unless_a_position_is_asked_and_then_the_facts_do() {
        String kept = sql(period("2013-01-01", "2017-09-21"));
        assertThat(kept).contains("FROM economy_days").doesNotContain("FROM participations").doesNotContain("FROM proposals");
        String facts = sql(period("2013-01-01", "2017-09-21").knownAt(history.head()));
        assertThat(facts).doesNotContain("FROM economy_days").contains("FROM participations").contains("FROM proposals");
    }

    @Test
    void flows_by_month_add_up_to_the_whole_period() {
        List<Map<String, Object>> months = cubes.run(period("2013-01-01", "2017-09-21").per("countedOn", Granularity.MONTH)
                .measure(FLOWS.toArray(String[]::new)).query());
        Map<String, Object> whole = flows(period("2013-01-01", "2017-09-21"));
        for (String flow : FLOWS) {
            assertThat(months.stream().mapToLong(row -> ((Number) row.get(flow)).longValue()).sum()).as(flow)
                    .isEqualTo(whole.get(flow));
        }
        assertThat(months).hasSizeGreaterThan(3);
    }

    @Test
    void compacting_the_days_keeps_every_answer() {
        CubeEngine computing = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables),
                Duration.ofSeconds(10), 0);
        List<CubeQuery> days = List.of(byDay().query(), byDay().asOf("2015-12-31").query(), byDay().asOf("2016-02-15").query());
        List<List<Map<String, Object>>> before = days.stream().map(computing::run).toList();
        int rows = history.caughtUp().read(EconomyDays::compact);
        assertThat(rows).isPositive();
        assertThat(days.stream().map(computing::run).toList()).isEqualTo(before);
    }

    private static Ask byDay() {
        return period("2013-01-01", "2017-09-21").per("countedOn", Granularity.DAY).measure(FLOWS.toArray(String[]::new));
    }

    private static Ask period(String from, String to) {
        return ask("economy").where("countedOn", IN_DATE_RANGE, LocalDate.parse(from), LocalDate.parse(to));
    }

    private static Map<String, Object> flows(Ask economy) {
        return cubes.run(economy.measure(FLOWS.toArray(String[]::new)).query()).get(0);
    }

    /** The five flows as the report counted them before the economy cube: one question of its cube each. */
    private static Map<String, Object> counted(LocalDate from, LocalDate to, LocalDate on, Long knownAt) {
        Map<String, Object> flows = new LinkedHashMap<>();
        flows.put("skillContests", count(ask("competitions").measure("competitions").where("skillContest", EQUALS, true)
                .where("startsOn", IN_DATE_RANGE, from, to), on, knownAt));
        flows.put("skillContestParticipations", count(ask("participations").measure("participations")
                .where("skillContest", EQUALS, true).where("competitionStartsOn", IN_DATE_RANGE, from, to), on, knownAt));
        flows.put("rationalizationProposals", count(ask("proposals").measure("proposals")
                .where("category", EQUALS, "RATIONALIZATION").where("submittedOn", IN_DATE_RANGE, from, to), on, knownAt));
        flows.put("innovationAchievements", count(ask("proposals").measure("achievements")
                .where("recognisedOn", IN_DATE_RANGE, from, to), on, knownAt));
        flows.put("operationMethodsPromoted", count(ask("proposals").measure("methodsPromoted")
                .where("promotedOn", IN_DATE_RANGE, from, to), on, knownAt));
        return flows;
    }

    private static Object count(Ask question, LocalDate on, Long knownAt) {
        Ask asked = question.asOf(on.toString());
        Map<String, Object> row = cubes.run((knownAt == null ? asked : asked.knownAt(knownAt)).query()).get(0);
        return row.values().iterator().next();
    }

    private static String sql(Ask economy) {
        return new CubeCompiler().compile(economy.measure(FLOWS.toArray(String[]::new)).query(), LocalDate.of(2017, 9, 21))
                .statements().get(0).sql();
    }

    /** The first day of each quarter from 2013 to 2017: the history's events fall between them. */
    private static List<LocalDate> quarterDays() {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = LocalDate.of(2013, 1, 1); day.getYear() < 2018; day = day.plusMonths(3)) {
            days.add(day);
        }
        return days;
    }
}
