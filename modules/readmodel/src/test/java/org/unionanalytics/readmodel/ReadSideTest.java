package org.unionanalytics.readmodel;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.cube.Cubes;
import org.unionanalytics.readmodel.cube.Granularity;
import org.unionanalytics.readmodel.cube.Member;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ReadSideTest {

    @TempDir
    Path directory;
    private ProjectedHistory history;
    private ReadSide readSide;

    @BeforeEach
    void recordTheHistory() {
        history = new ProjectedHistory(directory.resolve("scratch"));
        CubeHistory.record(history);
        readSide = open();
    }

    @AfterEach
    void close() {
        readSide.close();
        history.close();
    }

    private ReadSide open() {
        return new ReadSide(directory.resolve("readmodel"), history.events(), history::head, 7, 2);
    }

    /** Every member of every cube, by each dimension and each time dimension, plus the report. */
    private List<Object> everyAnswer() {
        assertThat(readSide.awaitPosition(history.head(), Duration.ofSeconds(10)).join()).isEqualTo(history.head());
        CubeEngine engine = new CubeEngine(readSide::model, readSide::changedAt, Duration.ofSeconds(10));
        List<Object> answers = new ArrayList<>();
        LocalDate on = LocalDate.of(2016, 3, 1);
        Cubes.ALL.values().forEach(cube -> {
            List<String> measures = cube.members().values().stream().filter(m -> m.kind() == Member.Kind.MEASURE)
                    .map(Member::name).toList();
            cube.members().values().forEach(member -> {
                var dimensions = member.kind() == Member.Kind.DIMENSION ? List.of(member.name()) : List.<String>of();
                var times = member.kind() == Member.Kind.TIME_DIMENSION
                        ? List.of(new CubeQuery.TimeSelection(member.name(), Granularity.MONTH)) : List.<CubeQuery.TimeSelection>of();
                answers.add(engine.run(new CubeQuery(cube.name(), dimensions, times, measures, null, List.of(),
                        CubeQuery.DEFAULT_LIMIT, 0, on, null, CubeEngine.defaultZone())));
            });
        });
        answers.add(new ReportQuery(engine, Runnable::run).report(LocalDate.of(2012, 10, 1), LocalDate.of(2017, 9, 21), null, null));
        return answers;
    }

    private List<String> files() throws Exception {
        try (Stream<Path> files = Files.list(directory.resolve("readmodel"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".duckdb")).sorted().toList();
        }
    }

    @Test
    void a_rebuild_from_the_event_log_gives_exactly_the_answers_of_the_live_built_model() throws Exception {
        List<Object> live = everyAnswer();
        assertThat(live).hasSizeGreaterThan(60);
        RebuildStatus status = readSide.rebuildNow();
        assertThat(status.state()).isEqualTo(RebuildStatus.State.SWITCHED);
        assertThat(status.position()).isEqualTo(history.head());
        assertThat(everyAnswer()).isEqualTo(live);
        assertThat(files()).containsExactly("2.duckdb");
    }

    @Test
    void a_read_model_opened_to_be_rebuilt_stays_where_it_was_until_the_rebuild_takes_over() {
        List<Object> live = everyAnswer();
        readSide.close();
        readSide = ReadSide.forRebuild(directory.resolve("offline"), history.events(), history::head, 7, 2);
        assertThat(readSide.awaitPosition(history.head(), Duration.ofMillis(500)).join()).isZero();
        assertThat(readSide.rebuildNow().state()).isEqualTo(RebuildStatus.State.SWITCHED);
        assertThat(everyAnswer()).isEqualTo(live);
    }

    @Test
    // a rebuild retrying forever would otherwise hang the build (join() ignores interrupts) instead of failing it
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void a_rebuild_that_cannot_read_the_log_gives_up_says_why_and_leaves_the_current_model_answering() throws Exception {
        List<Object> live = everyAnswer();
        readSide.close();
        StreamableMessageSource<TrackedEventMessage<?>> unreadable = token -> {
            throw new IllegalStateException("the event log cannot be read");
        };
        readSide = ReadSide.forRebuild(directory.resolve("readmodel"), unreadable, history::head, 7, 2);

        RebuildStatus status = readSide.rebuildNow();

        assertThat(status.state()).isEqualTo(RebuildStatus.State.FAILED);
        assertThat(status.failure()).isEqualTo("the rebuild stopped at event 0 of " + history.head()
                + ": the event log cannot be read");
        assertThat(files()).containsExactly("1.duckdb");
        assertThat(everyAnswer()).isEqualTo(live);
    }

    @Test
    void after_a_restart_the_rebuilt_model_is_the_one_in_use() throws Exception {
        List<Object> live = everyAnswer();
        readSide.rebuildNow();
        readSide.close();
        readSide = open();
        assertThat(everyAnswer()).isEqualTo(live);
        assertThat(files()).containsExactly("2.duckdb");
    }

    @Test
    void a_rebuilt_model_answers_with_as_many_duckdb_threads_as_the_one_it_replaces() {
        long threads = threads();
        readSide.rebuildNow();
        assertThat(threads()).isEqualTo(threads);
    }

    private long threads() {
        return readSide.model().read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT current_setting('threads')")) {
                result.next();
                return result.getLong(1);
            }
        });
    }

    /** The stored facts themselves, every column, in a stable order. */
    private List<String> everyRow() {
        assertThat(readSide.awaitPosition(history.head(), Duration.ofSeconds(10)).join()).isEqualTo(history.head());
        return readSide.model().read(connection -> {
            List<String> rows = new ArrayList<>();
            // the per-union member counts are written per batch, so only their sums must agree
            for (String table : List.of("unions", "memberships", "enterprises", "coverages", "competitions", "proposals",
                    "(SELECT union_id, on_date, sum(delta) FROM membership_changes GROUP BY ALL HAVING sum(delta) <> 0)")) {
                try (Statement statement = connection.createStatement();
                     ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY ALL")) {
                    while (result.next()) {
                        StringBuilder row = new StringBuilder(table);
                        for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                            row.append(' ').append(result.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
            }
            return rows;
        });
    }

    @Test
    void a_rebuild_stores_exactly_the_rows_of_the_live_built_model() {
        // batches of 7 events: most transfers, leaves, dissolutions and proposal steps change rows of earlier batches
        List<String> live = everyRow();
        assertThat(live).anyMatch(row -> row.startsWith("memberships") && !row.contains(" null "));
        readSide.rebuildNow();
        assertThat(everyRow()).isEqualTo(live);
    }

    @Test
    void queries_keep_being_answered_while_a_rebuild_runs_in_the_background() {
        List<Object> live = everyAnswer();
        RebuildStatus started = readSide.rebuild();
        assertThat(started.state()).isEqualTo(RebuildStatus.State.RUNNING);
        assertThat(everyAnswer()).isEqualTo(live);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> readSide.rebuildStatus().state() == RebuildStatus.State.SWITCHED);
        assertThat(everyAnswer()).isEqualTo(live);
    }

    @Test
    void closing_while_a_rebuild_runs_stops_it_before_returning_and_the_next_start_answers_as_before() throws Exception {
        List<Object> live = everyAnswer();
        readSide.rebuild();

        readSide.close();

        assertThat(readSide.rebuildStatus().state()).as("no rebuild reads on after the close")
                .isNotEqualTo(RebuildStatus.State.RUNNING);
        readSide = open();
        assertThat(files()).hasSize(1);
        assertThat(everyAnswer()).isEqualTo(live);
    }

    @Test
    void an_unfinished_rebuild_is_discarded_at_the_next_start() throws Exception {
        List<Object> live = everyAnswer();
        readSide.close();
        ReadModel.open(directory.resolve("readmodel").resolve("2.duckdb"), 1).close();
        readSide = open();
        assertThat(files()).containsExactly("1.duckdb");
        assertThat(everyAnswer()).isEqualTo(live);
        assertThat(readSide.position()).isEqualTo(history.head());
    }
}
