package org.unionanalytics.readmodel.areas;

import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.enterprise.CoverageEnded;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.readmodel.CubeHistory;
import org.unionanalytics.readmodel.ProjectedHistory;
import org.unionanalytics.readmodel.ReadModel;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The township figures the projector keeps by day, against the same figures computed from the
 * facts (what a question asked as known at the last event does), on every date the history
 * changes and the day before it, in total, by district and by township, as the areas and
 * enterprises cubes give them.
 */
class TownshipFiguresTest {

    /** The cubes answered from the township figures, with their measures. */
    private static final Map<String, List<String>> CUBES = Map.of(
            "areas", List.of("townships", "townshipsWithFederation", "unions", "enterprisesRegistered",
                    "enterprisesCovered", "workers", "members", "establishmentRate", "membershipRate"),
            "enterprises", List.of("enterprises", "enterprisesCovered", "establishmentRate"));

    @TempDir
    Path directory;

    @Test
    void the_kept_figures_are_those_of_the_facts_on_every_date_by_every_grouping() {
        try (var history = new ProjectedHistory(directory)) {
            CubeHistory.record(history);
            history.publish(edgeCases());
            assertKeptFiguresAreThoseOfTheFacts(history);
        }
    }

    @Test
    void a_restarted_projector_counts_on_from_what_it_kept() {
        try (var history = new ProjectedHistory(directory)) {
            CubeHistory.record(history);
            history.caughtUp();
            history.stop();
            history.start();
            history.publish(edgeCases());
            assertKeptFiguresAreThoseOfTheFacts(history);
        }
    }

    @Test
    void a_batch_changing_many_townships_adds_to_their_totals_at_once() {
        try (var history = new ProjectedHistory(directory)) {
            CubeHistory.record(history);
            history.caughtUp();
            history.stop();
            List<Object> events = new ArrayList<>(List.of(edgeCases()));
            for (int township = 10; township < 22; township++) {
                String enterprise = "enterprise-" + township;
                events.add(new EnterpriseRegistered(enterprise, enterprise, Ownership.PRIVATE, Industry.MANUFACTURING,
                        District.BEILUN, "BEILUN-" + township, d("2016-0" + (1 + township % 9) + "-01")));
                events.add(new WorkforceReported(enterprise, township, d("2016-01-01")));
            }
            history.publish(events.toArray());
            history.start();
            assertKeptFiguresAreThoseOfTheFacts(history);
        }
    }

    @Test
    void compacting_sums_the_rows_of_a_township_and_day_and_keeps_every_figure() throws Exception {
        try (var history = new ProjectedHistory(directory)) {
            CubeHistory.record(history);
            history.publish(edgeCases());
            // two batches changing the same figure of the same township on the same day: two rows to sum
            history.caughtUp();
            history.publish(new MemberJoined("member-8", "union-a", d("2016-10-01")));
            history.caughtUp();
            history.publish(new MemberJoined("member-9", "union-a", d("2016-10-01")));
            List<Map<String, Object>> before = figuresByDay(history);
            history.stop();
            ReadModel model = ReadModel.open(directory.resolve("readmodel.duckdb"), 1);
            try {
                model.read(connection -> {
                    var changes = new AreaChanges();
                    long rows = count(connection);
                    changes.compact((DuckDBConnection) connection);
                    assertThat(count(connection)).isLessThan(rows);
                    return rows;
                });
            } finally {
                model.close();
            }
            history.start();
            assertThat(figuresByDay(history)).isEqualTo(before);
            assertKeptFiguresAreThoseOfTheFacts(history);
        }
    }

    private static long count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM area_changes")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each township's figures on every day they change, without the days where they do not. */
    private static List<Map<String, Object>> figuresByDay(ProjectedHistory history) {
        return history.caughtUp().read(connection -> {
            List<Map<String, Object>> days = new ArrayList<>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT tid, on_date, sum(registered), sum(covered), sum(workers), sum(unions), sum(federations),
                           sum(placed_unions), sum(members) FROM area_changes GROUP BY ALL
                    HAVING sum(registered) <> 0 OR sum(covered) <> 0 OR sum(workers) <> 0 OR sum(unions) <> 0
                        OR sum(federations) <> 0 OR sum(placed_unions) <> 0 OR sum(members) <> 0
                    ORDER BY ALL""")) {
                while (rows.next()) {
                    Map<String, Object> day = new LinkedHashMap<>();
                    for (int column = 1; column <= 9; column++) {
                        day.put(rows.getMetaData().getColumnName(column), rows.getObject(column));
                    }
                    days.add(day);
                }
            }
            return days;
        });
    }

    /** What the reference history does not have: the cases where a period ends for more than one reason. */
    private static Object[] edgeCases() {
        return new Object[]{
                // older than 1970 (negative epoch days), in a township no union serves yet, reporting before registering
                new EnterpriseRegistered("enterprise-6", "enterprise-6", Ownership.STATE_OWNED, Industry.MANUFACTURING,
                        District.HAISHU, "HAISHU-02", d("1965-03-01")),
                new WorkforceReported("enterprise-6", 800, d("1960-01-01")),
                // reports out of order: the one recorded last decides every date from its own on
                new WorkforceReported("enterprise-2", 40, d("2016-01-01")),
                new WorkforceReported("enterprise-2", 25, d("2014-01-01")),
                // covered from before its union's founding; the union is dissolved before the coverage ends
                new UnionEstablished("union-e", "union-e", UnionKind.ENTERPRISE, null, District.HAISHU, "HAISHU-02",
                        "union-haishu", d("2015-01-01")),
                new EnterpriseCovered("enterprise-6", "union-e", d("2014-06-01")),
                new MemberJoined("member-6", "union-e", d("2015-02-01")),
                new MemberJoined("member-7", "union-e", d("2016-05-01")),
                new UnionDissolved("union-e", d("2016-03-01")),
                new CoverageEnded("enterprise-6", "union-e", d("2016-09-01")),
                // a member of a dissolved union (union-d, 2016-12-31) joins another before the dissolution's date
                new MemberJoined("member-5", "union-a", d("2016-10-01")),
                // deregistered while covered, the coverage ending later
                new EnterpriseCovered("enterprise-5", "union-c", d("2015-04-01")),
                new EnterpriseDeregistered("enterprise-5", d("2017-03-01")),
                new CoverageEnded("enterprise-5", "union-c", d("2017-06-01"))};
    }

    private static void assertKeptFiguresAreThoseOfTheFacts(ProjectedHistory history) {
        CubeEngine cubes = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10), 0);
        long everything = history.head();
        List<LocalDate> dates = datesOfChange(history);
        assertThat(dates).hasSizeGreaterThan(40);
        LocalDate afterEveryChange = dates.get(dates.size() - 1).plusYears(1);
        dates.add(afterEveryChange);
        for (LocalDate date : dates) {
            for (String cube : CUBES.keySet()) {
                for (List<String> grouping : List.of(List.<String>of(), List.of("district"), List.of("district", "township"))) {
                    assertThat(cubes.run(question(cube, grouping, date, null)))
                            .as("%s by %s on %s", cube, grouping, date)
                            .isEqualTo(cubes.run(question(cube, grouping, date, everything)));
                }
            }
        }
        // and the figures compared were the kept ones: without the changes, a date after every change
        // is still answered from the totals alone, one amid the history no longer; without the totals, neither
        deleteFrom(history, AreaChanges.TABLES);
        LocalDate amid = dates.get(dates.size() / 2);
        for (String cube : CUBES.keySet()) {
            for (List<String> grouping : List.of(List.<String>of(), List.of("district", "township"))) {
                assertThat(cubes.run(question(cube, grouping, afterEveryChange, null)))
                        .isEqualTo(cubes.run(question(cube, grouping, afterEveryChange, everything)));
            }
            assertThat(cubes.run(question(cube, List.of(), amid, null)))
                    .isNotEqualTo(cubes.run(question(cube, List.of(), amid, everything)));
        }
        deleteFrom(history, List.of(AreaTotals.TABLE));
        for (String cube : CUBES.keySet()) {
            assertThat(cubes.run(question(cube, List.of(), afterEveryChange, null)))
                    .isNotEqualTo(cubes.run(question(cube, List.of(), afterEveryChange, everything)));
        }
    }

    private static void deleteFrom(ProjectedHistory history, List<String> tables) {
        history.caughtUp().read(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String table : tables) {
                    statement.execute("DELETE FROM " + table);
                }
                return null;
            }
        });
    }

    private static CubeQuery question(String cube, List<String> grouping, LocalDate on, Long knownAt) {
        return new CubeQuery(cube, grouping, List.of(), CUBES.get(cube), null, List.of(), CubeQuery.DEFAULT_LIMIT, 0, on,
                knownAt, CubeEngine.defaultZone());
    }

    /** Every date a fact starts or ends on, and the day before each. */
    private static List<LocalDate> datesOfChange(ProjectedHistory history) {
        return history.caughtUp().read(connection -> {
            var dates = new TreeSet<LocalDate>();
            try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
                    SELECT registered_on FROM enterprises UNION SELECT deregistered_on FROM enterprises
                    UNION SELECT effective_from FROM workforce_reports
                    UNION SELECT started_on FROM coverages UNION SELECT ended_on FROM coverages
                    UNION SELECT founded_on FROM unions UNION SELECT dissolved_on FROM unions
                    UNION SELECT started_on FROM memberships UNION SELECT ended_on FROM memberships""")) {
                while (rows.next()) {
                    LocalDate date = rows.getObject(1, LocalDate.class);
                    if (date != null) {
                        dates.addAll(List.of(date, date.minusDays(1)));
                    }
                }
            }
            return new ArrayList<>(dates);
        });
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
