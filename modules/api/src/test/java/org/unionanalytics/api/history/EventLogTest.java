package org.unionanalytics.api.history;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.EventStorage;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.unionanalytics.api.history.LoggedNotes.aggregates;
import static org.unionanalytics.api.history.LoggedNotes.positions;

class EventLogTest {

    @TempDir
    Path directory;
    private EventStorage storage;
    private EventLog log;

    @BeforeEach
    void open() {
        storage = LoggedNotes.open(directory);
        log = new EventLog(storage);
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private static EventFilter only(String aggregateId, String commandId) {
        return new EventFilter(aggregateId, null, null, commandId, null, null);
    }

    @Test
    void pages_follow_the_log_in_order_and_the_last_says_there_is_no_next() {
        LoggedNotes.note(storage, "c1", "a", "b");
        LoggedNotes.note(storage, "c2", "a", "c");
        LoggedNotes.note(storage, "c3", "b");

        EventLog.Page first = log.read(null, 2, EventFilter.ALL);
        EventLog.Page second = log.read(first.end(), 2, EventFilter.ALL);
        EventLog.Page last = log.read(second.end(), 2, EventFilter.ALL);

        assertThat(positions(first)).containsExactly(1L, 2L);
        assertThat(first.more()).isTrue();
        assertThat(positions(second)).containsExactly(3L, 4L);
        assertThat(positions(last)).containsExactly(5L);
        assertThat(last.more()).isFalse();
        assertThat(log.read(log.tokenAfter(5), 2, EventFilter.ALL).events()).isEmpty();
    }

    @Test
    void one_aggregates_events_come_from_its_own_index_with_their_positions_in_the_log() {
        LoggedNotes.note(storage, "c1", "a", "b");
        LoggedNotes.note(storage, "c2", "b", "a");
        LoggedNotes.note(storage, "c3", "ab");

        assertThat(positions(log.read(null, 10, only("a", null)))).containsExactly(1L, 4L);
        assertThat(positions(log.read(log.tokenAfter(1), 10, only("a", null)))).containsExactly(4L);
        assertThat(log.read(null, 1, only("a", null)).more()).isTrue();
        assertThat(log.read(null, 10, only("nobody", null)).events()).isEmpty();
    }

    @Test
    void one_commands_events_are_the_stretch_the_command_log_names() {
        LoggedNotes.note(storage, "c1", "a");
        LoggedNotes.note(storage, "c2", "b", "c", "d");
        LoggedNotes.note(storage, "c3", "e");

        EventLog.Page page = log.read(null, 10, only(null, "c2"));

        assertThat(aggregates(page)).containsExactly("b", "c", "d");
        assertThat(page.more()).isFalse();
        assertThat(log.read(null, 10, only(null, "never sent")).events()).isEmpty();
    }

    @Test
    void a_filter_by_type_looks_at_a_bounded_window_and_the_next_page_goes_on_from_where_it_stopped() {
        LoggedNotes.flag(storage, "early");
        LoggedNotes.manyNotes(storage, EventLog.SCAN_WINDOW + 10);
        LoggedNotes.flag(storage, "late");
        EventFilter flags = new EventFilter(null, Set.of(LoggedNotes.FLAGGED), null, null, null, null);

        EventLog.Page first = log.read(null, 10, flags);
        EventLog.Page second = log.read(first.end(), 10, flags);

        assertThat(aggregates(first)).containsExactly("early");
        assertThat(first.more()).as("the window ended before the log did").isTrue();
        assertThat(EventLog.position(first.end())).isEqualTo(EventLog.SCAN_WINDOW);
        assertThat(aggregates(second)).containsExactly("late");
        assertThat(second.more()).isFalse();
    }

    @Test
    void events_recorded_between_two_moments_are_those_stored_in_between() throws InterruptedException {
        LoggedNotes.note(storage, "before", "a");
        Instant from = pause();
        LoggedNotes.note(storage, "inside", "b", "c");
        Instant before = pause();
        LoggedNotes.note(storage, "after", "d");

        EventLog.Page page = log.read(null, 10, new EventFilter(null, null, null, null, from, before));

        assertThat(aggregates(page)).containsExactly("b", "c");
        assertThat(page.more()).isFalse();
    }

    @Test
    void a_page_larger_than_allowed_or_a_backward_period_is_refused_with_its_reason() {
        assertThatThrownBy(() -> log.read(null, EventLog.MAX_PAGE + 1, EventFilter.ALL))
                .hasMessageContaining("first must be between 0 and " + EventLog.MAX_PAGE);
        Instant now = Instant.now();
        assertThatThrownBy(() -> new EventFilter(null, null, null, null, now, now.minusSeconds(1)))
                .hasMessageContaining("recordedBefore").hasMessageContaining("must come after recordedFrom");
    }

    /** A moment between two appends, clear of both by more than the store's clock resolution. */
    private static Instant pause() throws InterruptedException {
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        return moment;
    }
}
