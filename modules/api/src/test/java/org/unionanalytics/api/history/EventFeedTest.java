package org.unionanalytics.api.history;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.EventStorage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventFeedTest {

    @TempDir
    Path directory;
    private EventStorage storage;
    private final ExecutorService queryThreads = Executors.newFixedThreadPool(2);
    private final NewEvents news = new NewEvents();

    @BeforeEach
    void open() {
        storage = LoggedNotes.open(directory);
    }

    @AfterEach
    void close() {
        queryThreads.shutdownNow();
        storage.close();
    }

    /** Collects what a feed sends, asking for messages as the test says. */
    private static class Reader implements Flow.Subscriber<List<TrackedEventMessage<?>>> {
        final List<Long> positions = new CopyOnWriteArrayList<>();
        final List<Integer> messageSizes = new CopyOnWriteArrayList<>();
        volatile boolean completed;
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(List<TrackedEventMessage<?>> events) {
            events.forEach(event -> positions.add(EventLog.position(event)));
            messageSizes.add(events.size());
        }

        @Override
        public void onError(Throwable failure) {
            throw new AssertionError("the feed failed", failure);
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }

    private Reader follow(long after, EventFilter filter) {
        return follow(new Reader(), after, filter, 1);
    }

    private Reader follow(Reader reader, long after, EventFilter filter, int batch) {
        return follow(reader, after, filter, batch, queryThreads, EventFeed.TURN);
    }

    private Reader follow(Reader reader, long after, EventFilter filter, int batch, Executor threads, Duration turn) {
        EventLog log = new EventLog(storage);
        reader.onSubscribe(new EventFeed<>(reader, log, log.tokenAfter(after), filter, batch, events -> events, news,
                threads, turn));
        return reader;
    }

    @Test
    void a_feed_sends_the_stored_events_after_its_position_then_each_new_one_in_order() {
        LoggedNotes.note(storage, "c1", "a", "b", "c");
        Reader reader = follow(1, EventFilter.ALL);
        reader.subscription.request(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 2);

        LoggedNotes.note(storage, "c2", "d");
        LoggedNotes.note(storage, "c3", "e", "f");
        news.arrived();

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 5);
        assertThat(reader.positions).containsExactly(2L, 3L, 4L, 5L, 6L);
        assertThat(reader.completed).isFalse();
    }

    @Test
    void a_caught_up_feed_reads_new_events_as_soon_as_the_read_side_says_they_arrived() {
        Reader reader = follow(0, EventFilter.ALL);
        reader.subscription.request(Long.MAX_VALUE);
        LoggedNotes.note(storage, "c1", "a");
        news.arrived();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 1);

        for (int note = 2; note <= 4; note++) {
            LoggedNotes.note(storage, "c" + note, "n" + note);
            news.arrived();
            int expected = note;
            await().atMost(EventFeed.LOOK_AGAIN.dividedBy(2)).until(() -> reader.positions.size() == expected);
        }
        assertThat(reader.positions).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void a_caught_up_feed_without_news_looks_again_after_a_while() {
        Reader reader = follow(0, EventFilter.ALL);
        reader.subscription.request(Long.MAX_VALUE);
        LoggedNotes.note(storage, "c1", "a", "b");

        await().atMost(EventFeed.LOOK_AGAIN.multipliedBy(3)).until(() -> reader.positions.size() == 2);
    }

    @Test
    void a_feed_sends_no_more_than_its_subscriber_asked_for() throws InterruptedException {
        LoggedNotes.note(storage, "c1", "a", "b", "c", "d");
        Reader reader = follow(0, EventFilter.ALL);

        reader.subscription.request(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 2);
        news.arrived();
        Thread.sleep(500);
        assertThat(reader.positions).containsExactly(1L, 2L);

        reader.subscription.request(5);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 4);
        assertThat(reader.positions).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void a_subscriber_asking_for_one_event_at_a_time_gets_every_event_across_pages_in_order() {
        LoggedNotes.manyNotes(storage, 2 * EventLog.MAX_PAGE + 100);
        Reader reader = follow(new Reader() {
            @Override
            public void onNext(List<TrackedEventMessage<?>> events) {
                super.onNext(events);
                subscription.request(1);
            }
        }, 0, EventFilter.ALL, 1);
        reader.subscription.request(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> reader.positions.size() == 2 * EventLog.MAX_PAGE + 100);
        assertThat(reader.positions).isSorted().doesNotHaveDuplicates().startsWith(1L);
    }

    @Test
    void a_batched_feed_fills_its_messages_while_catching_up_and_sends_what_is_ready_once_caught_up() {
        LoggedNotes.manyNotes(storage, 2 * EventLog.MAX_PAGE + 100);
        Reader reader = follow(new Reader(), 0, EventFilter.ALL, 300);

        reader.subscription.request(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.messageSizes.size() == 2);
        assertThat(reader.messageSizes).as("a message spans the pages it was read in").containsExactly(300, 300);
        reader.subscription.request(Long.MAX_VALUE);
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 2 * EventLog.MAX_PAGE + 100);
        LoggedNotes.note(storage, "late", "x", "y");
        news.arrived();

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 2 * EventLog.MAX_PAGE + 102);
        assertThat(reader.positions).isSorted().doesNotHaveDuplicates().startsWith(1L);
        assertThat(reader.messageSizes).allMatch(size -> size <= 300).endsWith(2);
    }

    @Test
    void a_feed_of_one_commands_events_completes_once_it_has_sent_them() {
        LoggedNotes.note(storage, "c1", "a");
        LoggedNotes.note(storage, "c2", "b", "c");
        Reader reader = follow(0, new EventFilter(null, null, null, "c2", null, null));
        reader.subscription.request(Long.MAX_VALUE);

        await().atMost(Duration.ofSeconds(5)).until(() -> reader.completed);
        assertThat(reader.positions).containsExactly(2L, 3L);
    }

    @Test
    void a_cancelled_feed_sends_nothing_more() throws InterruptedException {
        Reader reader = follow(0, EventFilter.ALL);
        reader.subscription.request(Long.MAX_VALUE);
        LoggedNotes.note(storage, "c1", "a");
        news.arrived();
        await().atMost(Duration.ofSeconds(5)).until(() -> reader.positions.size() == 1);

        reader.subscription.cancel();
        LoggedNotes.note(storage, "c2", "b");
        news.arrived();
        Thread.sleep(EventFeed.LOOK_AGAIN.toMillis() + 500);

        assertThat(reader.positions).containsExactly(1L);
    }

    @Test
    void feeds_catching_up_on_one_thread_take_turns_rather_than_one_reading_to_its_end_first() {
        int events = 4 * EventLog.MAX_PAGE;
        LoggedNotes.manyNotes(storage, events);
        List<String> messages = new CopyOnWriteArrayList<>();
        ExecutorService oneThread = Executors.newSingleThreadExecutor();
        try {
            Reader first = follow(new Named("first", messages), 0, EventFilter.ALL, EventLog.MAX_PAGE, oneThread, Duration.ZERO);
            Reader second = follow(new Named("second", messages), 0, EventFilter.ALL, EventLog.MAX_PAGE, oneThread, Duration.ZERO);
            first.subscription.request(Long.MAX_VALUE);
            second.subscription.request(Long.MAX_VALUE);

            await().atMost(Duration.ofSeconds(10)).until(() -> first.positions.size() == events && second.positions.size() == events);
            assertThat(messages.indexOf("second")).as("the second feed's first message, in %s", messages)
                    .isLessThan(messages.lastIndexOf("first"));
        } finally {
            oneThread.shutdownNow();
        }
    }

    /** A reader that notes its name in a list shared with others each time it is sent a message. */
    private static final class Named extends Reader {
        private final String name;
        private final List<String> messages;

        Named(String name, List<String> messages) {
            this.name = name;
            this.messages = messages;
        }

        @Override
        public void onNext(List<TrackedEventMessage<?>> events) {
            super.onNext(events);
            messages.add(name);
        }
    }
}
