package org.unionanalytics.readmodel.cube;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.readmodel.CubeHistory;
import org.unionanalytics.readmodel.ProjectedHistory;
import org.unionanalytics.readmodel.query.Report;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionanalytics.readmodel.cube.Ask.ask;
import static org.unionanalytics.readmodel.cube.Filter.Operator.CONTAINS;
import static org.unionanalytics.readmodel.cube.Filter.Operator.EQUALS;
import static org.unionanalytics.readmodel.cube.Filter.Operator.GTE;
import static org.unionanalytics.readmodel.cube.Filter.Operator.IN;
import static org.unionanalytics.readmodel.cube.Filter.Operator.IN_DATE_RANGE;
import static org.unionanalytics.readmodel.cube.Filter.Operator.NOT_EQUALS;
import static org.unionanalytics.readmodel.cube.Granularity.QUARTER;
import static org.unionanalytics.readmodel.cube.Granularity.YEAR;

/** Every cube over {@link CubeHistory}, with figures worked out by hand in the comments. */
class CubeTest {

    @TempDir
    static Path directory;
    static ProjectedHistory history;
    static CubeEngine cubes;
    /** Positions at which the history changed its mind. */
    static long beforeTransferOfM1;
    static long beforeImplementationOfP1;
    static long beforeCoverageOfE3Ended;

    @BeforeAll
    static void recordTheHistory() {
        history = new ProjectedHistory(directory);
        cubes = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10));
        CubeHistory.Positions positions = CubeHistory.record(history);
        beforeTransferOfM1 = positions.beforeTransferOfM1();
        beforeImplementationOfP1 = positions.beforeImplementationOfP1();
        beforeCoverageOfE3Ended = positions.beforeCoverageOfE3Ended();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    @AfterAll
    static void close() {
        history.close();
    }

    @Test
    void a_report_whose_answers_are_all_kept_hands_no_question_to_its_threads() {
        var engine = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10));
        AtomicInteger handedOver = new AtomicInteger();
        var reports = new ReportQuery(engine, question -> {
            handedOver.incrementAndGet();
            question.run();
        });
        Report first = reports.report(d("2012-10-01"), d("2017-09-21"), null, null);
        assertThat(handedOver.get()).as("questions asked of DuckDB").isEqualTo(3);
        assertThat(reports.report(d("2012-10-01"), d("2017-09-21"), null, null)).isEqualTo(first);
        assertThat(handedOver.get()).as("no more: every answer was kept").isEqualTo(3);
    }

    @Test
    void askers_of_a_question_being_computed_share_its_answer_instead_of_asking_duckdb_again() throws Exception {
        var engine = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables),
                Duration.ofSeconds(10), 0);
        CubeQuery question = ask("membership").by("district").measure("members").query();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            // both read-model connections held, so that the first asker waits for one while the others ask too
            CountDownLatch held = new CountDownLatch(2);
            CompletableFuture<Boolean> release = new CompletableFuture<>();
            for (int reader = 0; reader < 2; reader++) {
                threads.submit(() -> history.caughtUp().read(connection -> {
                    held.countDown();
                    return release.orTimeout(10, TimeUnit.SECONDS).join();
                }));
            }
            held.await(10, TimeUnit.SECONDS);
            List<Future<List<Map<String, Object>>>> answers = new ArrayList<>();
            for (int asker = 0; asker < 6; asker++) {
                answers.add(threads.submit(() -> engine.run(question)));
            }
            Thread.sleep(500);
            release.complete(true);

            for (Future<List<Map<String, Object>>> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo(cubes.run(question));
            }
            assertThat(engine.computed()).as("questions asked of DuckDB (nothing is kept)").isEqualTo(1);
            assertThat(engine.answeredFromKept()).as("shared").isEqualTo(5);
        } finally {
            threads.shutdownNow();
        }
    }

    /** Rows as "dimension values -> measure values" lines, easy to compare with hand counts. */
    private static List<String> lines(Ask ask) {
        return cubes.run(ask.query()).stream()
                .map(row -> row.values().stream().map(String::valueOf).collect(Collectors.joining(" ")))
                .toList();
    }

    @Nested
    class Membership {

        @Test
        void members_by_district_on_a_date() {
            // 2014-06-30: a has m1 m2, b has m3, c has m4, d has m5
            assertThat(lines(ask("membership").by("district").measure("members").asOf("2014-06-30")))
                    .containsExactly("BEILUN 2", "HAISHU 3");
            // 2017-01-01: m1 left, d dissolved
            assertThat(lines(ask("membership").by("district").measure("members").asOf("2017-01-01")))
                    .containsExactly("BEILUN 1", "HAISHU 2");
        }

        @Test
        void members_at_the_end_of_each_year_as_a_series() {
            assertThat(lines(ask("membership").per("date", YEAR).measure("members")
                    .where("date", IN_DATE_RANGE, d("2013-01-01"), d("2016-12-31"))))
                    .containsExactly("{year=2013-01-01} 3", "{year=2014-01-01} 5", "{year=2015-01-01} 5",
                            "{year=2016-01-01} 3");
        }

        @Test
        void a_series_is_ordered_and_paged_as_a_whole_not_period_by_period() {
            assertThat(lines(ask("membership").per("date", YEAR).measure("members")
                    .where("date", IN_DATE_RANGE, d("2013-01-01"), d("2016-12-31"))
                    .orderBy("members", true).offset(1).limit(2)))
                    .containsExactly("{year=2015-01-01} 5", "{year=2013-01-01} 3");
        }

        @Test
        void a_member_who_transfers_and_later_leaves_counts_where_he_was_on_each_date() {
            Ask byKind = ask("membership").by("unionKind").measure("members");
            assertThat(lines(byKind.asOf("2014-12-31"))).containsExactly("ENTERPRISE 2", "INDUSTRY 1", "JOINT 1", "REGIONAL 1");
            assertThat(lines(ask("membership").by("unionKind").measure("members").asOf("2015-06-30")))
                    .containsExactly("ENTERPRISE 1", "INDUSTRY 1", "JOINT 2", "REGIONAL 1");
            assertThat(lines(ask("membership").by("unionKind").measure("members").asOf("2016-07-01")))
                    .containsExactly("ENTERPRISE 1", "INDUSTRY 1", "JOINT 1", "REGIONAL 1");
        }

        @Test
        void before_the_transfer_was_recorded_the_server_knew_the_member_in_his_first_union() {
            assertThat(lines(ask("membership").by("unionKind").measure("members").asOf("2015-06-30")
                    .knownAt(beforeTransferOfM1)))
                    .containsExactly("ENTERPRISE 2", "INDUSTRY 1", "JOINT 1", "REGIONAL 1");
        }

        @Test
        void members_by_the_year_their_current_spell_began() {
            assertThat(lines(ask("membership").per("joinedOn", YEAR).measure("members").asOf("2015-06-30")))
                    .containsExactly("{year=2013-01-01} 2", "{year=2014-01-01} 2", "{year=2015-01-01} 1");
        }
    }

    @Nested
    class Enterprises {

        @Test
        void coverage_and_establishment_rate_by_district() {
            // 2017-01-01: e4 deregistered; e3's union d dissolved on 2016-12-31; e5 never covered
            assertThat(lines(ask("enterprises").by("district").measure("enterprises", "enterprisesCovered", "establishmentRate")
                    .asOf("2017-01-01")))
                    .containsExactly("BEILUN 2 0 0.0", "HAISHU 2 2 1.0");
        }

        @Test
        void an_enterprise_that_changes_union_is_covered_by_each_in_turn() {
            Ask e3 = ask("enterprises").by("coveringUnionId").where("coveringUnionId", IN, "union-c", "union-d")
                    .where("ownership", EQUALS, "STATE_OWNED").measure("enterprises");
            assertThat(lines(e3.asOf("2015-06-30"))).containsExactly("union-c 1");
            assertThat(lines(ask("enterprises").by("coveringUnionId").where("ownership", EQUALS, "STATE_OWNED")
                    .measure("enterprises").asOf("2016-03-01"))).containsExactly("union-d 1");
            assertThat(lines(ask("enterprises").by("covered").where("ownership", EQUALS, "STATE_OWNED")
                    .measure("enterprises").asOf("2017-01-01"))).containsExactly("false 1");
            assertThat(lines(ask("enterprises").by("coveringUnionId").where("ownership", EQUALS, "STATE_OWNED")
                    .measure("enterprises").asOf("2016-03-01").knownAt(beforeCoverageOfE3Ended)))
                    .containsExactly("union-c 1");
        }

        @Test
        void the_establishment_rate_of_private_enterprises_in_one_township_on_a_past_date() {
            assertThat(lines(ask("enterprises").measure("enterprises", "establishmentRate").asOf("2016-03-01")
                    .where("ownership", EQUALS, "PRIVATE").where("township", EQUALS, "BEILUN-01")))
                    .containsExactly("1 1.0");
        }

        @Test
        void enterprises_by_ownership() {
            assertThat(lines(ask("enterprises").by("ownership").measure("enterprises", "enterprisesCovered").asOf("2016-03-01")))
                    .containsExactly("FOREIGN_INVESTED 1 0", "PRIVATE 3 3", "STATE_OWNED 1 1");
        }
    }

    @Nested
    class Workforce {

        @Test
        void workers_take_each_enterprises_latest_report_on_the_date() {
            assertThat(lines(ask("workforce").by("district").measure("workers").asOf("2014-06-30")))
                    .containsExactly("BEILUN 70", "HAISHU 110");
            assertThat(lines(ask("workforce").by("covered").measure("workers").asOf("2016-03-01")))
                    .containsExactly("false 30", "true 190");
        }
    }

    @Nested
    class Unions {

        @Test
        void live_grassroots_unions_by_kind() {
            assertThat(lines(ask("unions").by("kind").measure("unions").asOf("2017-01-01").where("grassroots", EQUALS, true)))
                    .containsExactly("ENTERPRISE 1", "JOINT 1", "REGIONAL 1");
            assertThat(lines(ask("unions").by("district").measure("unions").asOf("2015-01-01").where("grassroots", EQUALS, true)))
                    .containsExactly("BEILUN 2", "HAISHU 2");
        }
    }

    @Nested
    class Areas {

        @Test
        void rates_per_district() {
            assertThat(lines(ask("areas").by("district").measure("townships", "townshipsWithFederation", "unions",
                    "enterprisesRegistered", "enterprisesCovered", "workers", "members", "membershipRate",
                    "establishmentRate").asOf("2016-03-01")))
                    .containsExactly("BEILUN 2 1 2 3 2 100 2 0.02 " + (2.0 / 3), "HAISHU 1 1 2 2 2 120 3 0.025 1.0");
        }
    }

    @Nested
    class Competitions {

        @Test
        void competitions_with_their_participations_and_awards() {
            assertThat(lines(ask("competitions").by("kind").measure("competitions", "participations", "awards")))
                    .containsExactly("KEY_PROJECT_MERIT 1 1 1", "MASS_SKILL 1 2 0", "SKILL_ELITE 1 3 1");
        }

        @Test
        void open_and_closed_on_a_date() {
            assertThat(lines(ask("competitions").by("organiserDistrict", "open").measure("competitions").asOf("2015-06-30")))
                    .containsExactly("BEILUN true 1", "HAISHU false 1");
        }

        @Test
        void participations_in_skill_contests_by_kind() {
            assertThat(lines(ask("participations").by("competitionKind", "participantKind").measure("participations")
                    .where("skillContest", EQUALS, true)))
                    .containsExactly("MASS_SKILL MEMBER 2", "SKILL_ELITE MEMBER 2", "SKILL_ELITE TEAM 1");
        }

        @Test
        void participations_per_quarter() {
            assertThat(lines(ask("participations").per("enrolledOn", QUARTER).measure("participations", "awardWinners")))
                    .containsExactly("{quarter=2014-04-01} 3 1", "{quarter=2015-04-01} 2 0", "{quarter=2016-01-01} 1 1");
        }

        @Test
        void key_projects_with_a_merit_competition() {
            assertThat(lines(ask("keyProjects").measure("keyProjects", "withMeritCompetition", "meritCoverage")
                    .asOf("2017-09-21").where("endsOn", GTE, d("2012-10-01"))))
                    .containsExactly("2 1 0.5");
        }

        @Test
        void a_key_project_has_its_merit_competition_from_the_day_it_starts_and_as_known_once_it_was_recorded() {
            Function<String, Ask> withMeritOn = date -> ask("keyProjects").by("district").measure("withMeritCompetition")
                    .asOf(date);
            assertThat(lines(withMeritOn.apply("2015-12-31"))).containsExactly("BEILUN 0", "HAISHU 0");
            assertThat(lines(withMeritOn.apply("2016-01-01"))).containsExactly("BEILUN 1", "HAISHU 0");
            assertThat(lines(withMeritOn.apply("2016-01-01").knownAt(beforeCoverageOfE3Ended)))
                    .containsExactly("BEILUN 0", "HAISHU 0");
        }
    }

    @Nested
    class Proposals {

        @Test
        void proposals_by_category_with_adoption_rate_and_benefit() {
            assertThat(lines(ask("proposals").by("category").measure("proposals", "adopted", "adoptionRate", "economicBenefitYuan")))
                    .containsExactly("OPERATION_METHOD 1 1 1.0 0.00", "RATIONALIZATION 2 1 0.5 1000.50",
                            "SMALL_INVENTION 1 0 0.0 0.00");
        }

        @Test
        void a_proposal_adopted_then_implemented_has_the_status_of_each_date_and_position() {
            assertThat(lines(ask("proposals").by("status").measure("proposals").asOf("2014-06-30")))
                    .containsExactly("ADOPTED 1");
            assertThat(lines(ask("proposals").by("status").measure("proposals").asOf("2014-12-31")))
                    .containsExactly("IMPLEMENTED 1");
            assertThat(lines(ask("proposals").by("status").measure("proposals", "economicBenefitYuan").asOf("2014-12-31")
                    .knownAt(beforeImplementationOfP1)))
                    .containsExactly("ADOPTED 1 0.00");
        }

        @Test
        void proposals_by_industry_and_status() {
            assertThat(lines(ask("proposals").by("industry", "status").measure("proposals")))
                    .containsExactly("HOSPITALITY REJECTED 1", "MANUFACTURING ADOPTED 1", "MANUFACTURING IMPLEMENTED 1",
                            "null SUBMITTED 1");
        }

        @Test
        void recognitions_and_promotions_by_year_of_submission() {
            assertThat(lines(ask("proposals").per("submittedOn", YEAR).measure("achievements", "methodsPromoted")))
                    .containsExactly("{year=2014-01-01} 1 0", "{year=2015-01-01} 0 1", "{year=2016-01-01} 0 0");
        }
    }

    @Nested
    class MembersCountedPerUnionAndDay {

        @Test
        void the_kept_counts_agree_with_the_memberships_themselves_on_every_date_and_dimension() {
            // asked as known at the last event, a question counts the memberships one by one
            long everything = history.head();
            for (String date : List.of("2013-06-30", "2014-06-30", "2014-12-31", "2015-06-30", "2016-07-01", "2017-01-01")) {
                for (String dimension : List.of("district", "township", "unionKind", "unionSubkind", "unionId", "parentUnionId")) {
                    assertThat(lines(ask("membership").by(dimension).measure("members").asOf(date)))
                            .as("members by %s on %s", dimension, date)
                            .isEqualTo(lines(ask("membership").by(dimension).measure("members").asOf(date).knownAt(everything)));
                }
                assertThat(lines(ask("areas").by("township").measure("members", "membershipRate").asOf(date)))
                        .isEqualTo(lines(ask("areas").by("township").measure("members", "membershipRate").asOf(date)
                                .knownAt(everything)));
            }
        }

        @Test
        void a_union_whose_members_all_left_has_no_row_as_it_would_have_no_members() {
            List<String> byUnion = lines(ask("membership").by("unionId").measure("members").asOf("2017-01-01"));
            assertThat(byUnion).noneMatch(line -> line.endsWith(" 0"));
        }
    }

    @Nested
    class OnlyTheJoinsAQuestionNeeds {

        @Test
        void every_measure_asked_alone_answers_as_it_does_beside_every_other_measure_by_every_dimension() {
            for (Cube cube : Cubes.ALL.values()) {
                List<String> measures = names(cube, Member.Kind.MEASURE);
                List<String> groupings = new ArrayList<>(names(cube, Member.Kind.DIMENSION));
                groupings.add(null);
                for (String dimension : groupings) {
                    Ask all = ask(cube.name()).measure(measures.toArray(String[]::new)).asOf("2016-03-01");
                    List<Map<String, Object>> together = cubes.run((dimension == null ? all : all.by(dimension)).query());
                    for (String measure : measures) {
                        Ask alone = ask(cube.name()).measure(measure).asOf("2016-03-01");
                        assertThat(cubes.run((dimension == null ? alone : alone.by(dimension)).query()))
                                .as("%s of %s by %s", measure, cube.name(), dimension)
                                .isEqualTo(together.stream().map(row -> only(row, dimension, measure)).toList());
                    }
                }
            }
        }

        @Test
        void a_filter_on_a_joined_column_brings_its_join_along() {
            List<String> grouped = lines(ask("proposals").by("district").measure("proposals").where("district", EQUALS, "BEILUN"));
            assertThat(grouped).hasSize(1);
            assertThat(lines(ask("proposals").measure("proposals").where("district", EQUALS, "BEILUN")))
                    .containsExactly(grouped.get(0).substring("BEILUN ".length()));
        }

        @Test
        void proposals_by_industry_or_district_are_counted_from_the_proposals_alone() {
            for (String dimension : List.of("industry", "district")) {
                String sql = new CubeCompiler().compile(ask("proposals").by(dimension).measure("adopted", "methodsPromoted")
                        .query(), LocalDate.of(2017, 1, 1)).statements().get(0).sql();
                assertThat(sql).as("proposals by %s", dimension).doesNotContain("JOIN").doesNotContain("promotions");
            }
        }

        @Test
        void a_question_names_the_tables_it_reads_so_that_its_answer_is_kept_until_one_of_them_changes() {
            LocalDate today = LocalDate.of(2017, 1, 1);
            assertThat(new CubeCompiler().compile(ask("proposals").by("industry").measure("adopted").query(), today).tables())
                    .containsExactly("proposals");
            assertThat(new CubeCompiler().compile(ask("enterprises").by("coveringUnionKind").measure("enterprises").query(),
                    today).tables()).containsExactly("coverages", "enterprises", "unions");
            assertThat(new CubeCompiler().compile(ask("areas").measure("members").query(), today).tables())
                    .as("a total over every township needs no township's name")
                    .containsExactly("area_changes", "area_months", "area_totals", "area_years");
            assertThat(new CubeCompiler().compile(ask("areas").by("township").measure("members").query(), today).tables())
                    .containsExactly("area_changes", "area_months", "area_totals", "area_years", "townships");
        }

        @Test
        void a_question_of_everything_reads_the_table_itself_and_works_out_no_status_it_does_not_ask_for() {
            Ask adopted = ask("proposals").by("industry").per("adoptedOn", Granularity.YEAR).measure("adopted", "economicBenefitYuan");
            String everything = new CubeCompiler().compile(adopted.query(), LocalDate.of(2017, 1, 1)).statements().get(0).sql();
            assertThat(everything).doesNotContain("CASE").doesNotContain("status").contains(" FROM proposals f ");
            String onADate = new CubeCompiler().compile(adopted.asOf("2016-03-01").query(), LocalDate.of(2017, 1, 1))
                    .statements().get(0).sql();
            assertThat(onADate).contains("THEN p.adopted_on END").doesNotContain("status");
            String byStatus = new CubeCompiler().compile(ask("proposals").by("status").measure("proposals").query(),
                    LocalDate.of(2017, 1, 1)).statements().get(0).sql();
            assertThat(byStatus).contains("AS status");
        }

        @Test
        void participations_in_contests_of_a_period_are_counted_from_the_participations_alone() {
            String sql = new CubeCompiler().compile(ask("participations").measure("participations")
                    .where("skillContest", EQUALS, true).where("competitionStartsOn", IN_DATE_RANGE, d("2014-01-01"),
                            d("2015-12-31")).query(), LocalDate.of(2017, 1, 1)).statements().get(0).sql();
            assertThat(sql).doesNotContain("JOIN");
        }

        private static List<String> names(Cube cube, Member.Kind kind) {
            return cube.members().values().stream().filter(m -> m.kind() == kind).map(Member::name).toList();
        }

        private static Map<String, Object> only(Map<String, Object> row, String dimension, String measure) {
            Map<String, Object> kept = new LinkedHashMap<>();
            if (dimension != null) {
                kept.put(dimension, row.get(dimension));
            }
            kept.put(measure, row.get(measure));
            return kept;
        }
    }

    @Nested
    class TimeBuckets {

        @Test
        void every_granularity_puts_a_date_in_the_period_that_starts_on_its_first_day() {
            for (Granularity granularity : Granularity.values()) {
                assertThat(counted("participations", "enrolledOn", granularity)).as(granularity.unit())
                        .isEqualTo(regrouped(counted("participations", "enrolledOn", Granularity.DAY), granularity));
            }
        }

        @Test
        void a_moment_falls_at_every_granularity_in_the_period_of_its_day() {
            for (Granularity granularity : Granularity.values()) {
                assertThat(counted("unions", "recordedAt", granularity)).as(granularity.unit())
                        .isEqualTo(regrouped(counted("unions", "recordedAt", Granularity.DAY), granularity));
            }
        }

        /** The cube's only measure, named as the cube, per bucket of {@code dimension}. */
        private static Map<LocalDate, Long> counted(String cube, String dimension, Granularity granularity) {
            Map<LocalDate, Long> counts = new TreeMap<>();
            for (Map<String, Object> row : cubes.run(ask(cube).per(dimension, granularity).measure(cube).query())) {
                LocalDate bucket = (LocalDate) ((Map<?, ?>) row.get(dimension)).get(granularity.unit());
                counts.put(bucket, ((Number) row.get(cube)).longValue());
            }
            return counts;
        }

        private static Map<LocalDate, Long> regrouped(Map<LocalDate, Long> perDay, Granularity granularity) {
            Map<LocalDate, Long> counts = new TreeMap<>();
            perDay.forEach((day, count) -> counts.merge(granularity.start(day), count, Long::sum));
            return counts;
        }
    }

    @Nested
    class HostileInput {

        @Test
        void sql_in_a_filter_value_is_only_a_value() {
            assertThat(lines(ask("unions").measure("unions").where("township", EQUALS, "'; DROP TABLE unions; --")))
                    .containsExactly("0");
            assertThat(lines(ask("unions").measure("unions").where("township", CONTAINS, "%")))
                    .containsExactly("0");
            assertThat(lines(ask("unions").measure("unions").asOf("2015-01-01")
                    .where("township", NOT_EQUALS, "x' OR '1'='1"))).containsExactly("9");
        }

        @Test
        void a_huge_list_is_refused_and_a_large_one_answered() {
            Object[] tooMany = java.util.stream.IntStream.range(0, CubeCompiler.MAX_LIST + 1).mapToObj(i -> "union-" + i).toArray();
            assertThatThrownBy(() -> cubes.run(ask("unions").measure("unions").where("parentUnionId", IN, tooMany).query()))
                    .isInstanceOf(InvalidCubeQuery.class).hasMessageContaining("1 to 10000 values");
            Object[] many = java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "union-haishu-" + i).toArray();
            many[4_999] = "union-haishu-01";
            assertThat(lines(ask("unions").measure("unions").asOf("2015-01-01").where("parentUnionId", IN, many)))
                    .containsExactly("2");
        }

        @Test
        void unknown_members_and_misplaced_ones_are_refused_by_name() {
            assertThatThrownBy(() -> cubes.run(ask("unions").by("name; DROP TABLE unions").measure("unions").query()))
                    .isInstanceOf(InvalidCubeQuery.class).hasMessageContaining("no member named");
            assertThatThrownBy(() -> cubes.run(ask("unions").by("unions").query()))
                    .isInstanceOf(InvalidCubeQuery.class).hasMessageContaining("is a measure");
            assertThatThrownBy(() -> cubes.run(ask("proposals").per("date", YEAR).measure("proposals").query()))
                    .isInstanceOf(InvalidCubeQuery.class).hasMessageContaining("counts what happened");
            assertThatThrownBy(() -> cubes.run(ask("membership").per("date", YEAR).measure("members").query()))
                    .isInstanceOf(InvalidCubeQuery.class).hasMessageContaining("inDateRange");
        }

        @Test
        void a_date_range_that_ends_before_it_starts_is_refused_not_answered_empty() {
            assertThatThrownBy(() -> cubes.run(ask("proposals").measure("proposals")
                    .where("submittedOn", IN_DATE_RANGE, d("2016-01-01"), d("2015-01-01")).query()))
                    .isInstanceOf(InvalidCubeQuery.class)
                    .hasMessage("submittedOn: the range 2016-01-01 to 2015-01-01 starts after it ends");
        }

        @Test
        void or_combines_conditions() {
            assertThat(lines(ask("unions").measure("unions").asOf("2015-01-01").where(new Filter.Or(List.of(
                    new Filter.Condition("kind", EQUALS, List.of("JOINT")),
                    new Filter.Condition("kind", EQUALS, List.of("REGIONAL")))))))
                    .containsExactly("2");
        }

        @Test
        void the_tables_are_still_there() {
            assertThat(cubes.run(ask("unions").measure("unions").asOf("2015-01-01").query()))
                    .extracting(row -> row.get("unions")).containsExactly(9L);
        }
    }
}
