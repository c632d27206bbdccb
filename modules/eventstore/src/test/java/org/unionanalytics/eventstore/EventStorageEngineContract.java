package org.unionanalytics.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What every event storage engine of the server must do, as Axon and our projections rely on it.
 * Each engine's test extends this class and says how to open, and reopen, a fresh store.
 */
public abstract class EventStorageEngineContract {

    /** A minimal event payload; the contract is about storage, not about the domain. */
    @Revision("2")
    public record Noted(String text) {
    }

    /** The payload in the shape an earlier build wrote it. */
    @Revision("1")
    public record NotedEarlier(String text) {
    }

    protected static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    /** The stores under test are opened with this: they read only snapshots of notes in today's shape. */
    protected static final SnapshotFilter SNAPSHOT_FILTER = RevisionSnapshotFilter.builder().type("Note").revision("2").build();

    /** The store under test, with what the server needs beside the engine (command log, head). */
    protected EventStorage storage;
    protected EventStorageEngine engine;

    /** Opens the store under test, empty. */
    protected abstract EventStorage openEmpty();

    /** Opens the store again on the data of the last one opened, as a server restart would. */
    protected abstract EventStorage openAgain();

    /**
     * Appends {@code event} in a transaction that stays open until the handle is closed, so that
     * events appended meanwhile take later positions but commit first. Null for a store with one
     * writer, whose positions cannot have such gaps.
     */
    protected HeldAppend holdAppendOpen(DomainEventMessage<?> event) {
        return null;
    }

    /** An append under way; closing it commits. */
    public interface HeldAppend extends AutoCloseable {
        @Override
        void close();
    }

    @BeforeEach
    void openStore() {
        use(openEmpty());
    }

    @AfterEach
    void closeStore() {
        if (storage != null) {
            storage.close();
        }
    }

    protected void use(EventStorage opened) {
        storage = opened;
        engine = opened.engine();
    }

    protected static DomainEventMessage<Noted> event(String aggregateId, long sequence, String text) {
        return new GenericDomainEventMessage<>("Note", aggregateId, sequence, new Noted(text));
    }

    protected static DomainEventMessage<Noted> byCommand(String aggregateId, long sequence, String text, String commandId) {
        return ((GenericDomainEventMessage<Noted>) event(aggregateId, sequence, text))
                .andMetaData(Map.of(CommandLog.COMMAND_ID, commandId));
    }

    protected List<String> texts(String aggregateId) {
        List<String> texts = new ArrayList<>();
        engine.readEvents(aggregateId).forEachRemaining(e -> texts.add(((Noted) e.getPayload()).text()));
        return texts;
    }

    private static List<String> textsOf(List<TrackedEventMessage<?>> events) {
        return events.stream().map(e -> ((Noted) e.getPayload()).text()).toList();
    }

    private List<TrackedEventMessage<?>> track(TrackingToken from) {
        try (var stream = engine.readEvents(from, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    private static long position(TrackedEventMessage<?> event) {
        return event.trackingToken().position().orElseThrow();
    }

    @Test
    void an_aggregate_reads_back_its_events_in_order() {
        engine.appendEvents(event("note-a", 0, "one"), event("note-b", 0, "other"), event("note-a", 1, "two"));
        assertThat(texts("note-a")).containsExactly("one", "two");
        assertThat(texts("note-b")).containsExactly("other");
        assertThat(texts("note-c")).isEmpty();
        assertThat(engine.lastSequenceNumberFor("note-a")).contains(1L);
        assertThat(engine.lastSequenceNumberFor("note-c")).isEmpty();
    }

    @Test
    void of_many_aggregates_those_with_stored_events_are_named_at_once() {
        engine.appendEvents(event("note-a", 0, "one"), event("note-b", 0, "other"), event("note-a", 1, "two"));

        assertThat(storage.amongStored(List.of("note-a", "note-ab", "note-b", "note-c"))).containsExactlyInAnyOrder("note-a", "note-b");
        assertThat(storage.amongStored(List.of())).isEmpty();
    }

    @Test
    void an_aggregates_history_carries_each_events_position_in_the_log() {
        engine.appendEvents(event("note-a", 0, "one"), event("note-b", 0, "other"));
        engine.appendEvents(event("note-ab", 0, "longer id"), event("note-a", 1, "two"));
        Map<String, Long> logged = track(null).stream()
                .collect(Collectors.toMap(e -> ((Noted) e.getPayload()).text(), EventStorageEngineContract::position));

        List<TrackedEventMessage<?>> history = storage.historyOf("note-a").toList();

        assertThat(textsOf(history)).containsExactly("one", "two");
        assertThat(history).extracting(EventStorageEngineContract::position)
                .containsExactly(logged.get("one"), logged.get("two"));
        assertThat(history).extracting(e -> ((DomainEventMessage<?>) e).getSequenceNumber()).containsExactly(0L, 1L);
        assertThat(storage.historyOf("note-c")).isEmpty();
    }

    @Test
    void an_aggregate_reads_from_a_sequence_number() {
        engine.appendEvents(event("note-a", 0, "one"), event("note-a", 1, "two"), event("note-a", 2, "three"));
        List<String> texts = new ArrayList<>();
        engine.readEvents("note-a", 1).forEachRemaining(e -> texts.add(((Noted) e.getPayload()).text()));
        assertThat(texts).containsExactly("two", "three");
    }

    @Test
    void a_long_history_reads_back_whole_from_any_sequence_number() {
        List<String> written = new ArrayList<>();
        for (int sequence = 0; sequence < 12; sequence++) {
            written.add("step " + sequence);
            engine.appendEvents(event("note-a", sequence, "step " + sequence), event("note-a" + sequence, 0, "beside"));
        }
        List<String> fromFive = new ArrayList<>();
        engine.readEvents("note-a", 5).forEachRemaining(e -> fromFive.add(((Noted) e.getPayload()).text()));

        assertThat(texts("note-a")).containsExactlyElementsOf(written);
        assertThat(fromFive).containsExactlyElementsOf(written.subList(5, 12));
    }

    @Test
    void an_aggregate_id_that_prefixes_another_reads_only_its_own_events() {
        engine.appendEvents(event("note-a", 0, "short"), event("note-ab", 0, "long"));
        assertThat(texts("note-a")).containsExactly("short");
    }

    @Test
    void creating_an_existing_aggregate_is_refused_as_a_stream_creation_conflict() {
        engine.appendEvents(event("note-a", 0, "first"));
        assertThatThrownBy(() -> engine.appendEvents(event("note-a", 0, "again")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts("note-a")).containsExactly("first");
    }

    @Test
    void a_concurrent_change_is_refused_as_a_concurrency_conflict() {
        engine.appendEvents(event("note-a", 0, "first"), event("note-a", 1, "second"));
        assertThatThrownBy(() -> engine.appendEvents(event("note-a", 1, "racing")))
                .isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void the_events_of_one_append_are_stored_all_or_none() {
        engine.appendEvents(event("note-b", 0, "exists"));
        assertThatThrownBy(() -> engine.appendEvents(event("note-a", 0, "new"), event("note-b", 0, "clash")))
                .isInstanceOf(AggregateStreamCreationException.class);
        assertThat(texts("note-a")).isEmpty();
        assertThat(track(engine.createTailToken())).hasSize(1);
    }

    @Test
    void tracking_from_the_tail_reads_every_event_in_append_order_at_gapless_positions() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-b", 0, "2"));
        engine.appendEvents(event("note-a", 1, "3"));
        List<TrackedEventMessage<?>> all = track(engine.createTailToken());
        assertThat(all).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("1", "2", "3");
        long first = position(all.get(0));
        assertThat(all).extracting(EventStorageEngineContract::position).containsExactly(first, first + 1, first + 2);
    }

    @Test
    void tracking_from_a_token_resumes_right_after_it() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-a", 1, "2"), event("note-a", 2, "3"));
        TrackingToken afterFirst = track(engine.createTailToken()).get(0).trackingToken();
        assertThat(track(afterFirst)).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("2", "3");
    }

    @Test
    void tracking_from_the_head_sees_only_later_events() {
        engine.appendEvents(event("note-a", 0, "old"));
        TrackingToken head = engine.createHeadToken();
        assertThat(track(head)).isEmpty();
        engine.appendEvents(event("note-a", 1, "new"));
        assertThat(track(head)).extracting(e -> ((Noted) e.getPayload()).text()).containsExactly("new");
    }

    @Test
    void tracking_from_a_moment_starts_with_the_events_stored_since() throws InterruptedException {
        engine.appendEvents(event("note-a", 0, "before"));
        Thread.sleep(20);
        Instant moment = Instant.now();
        Thread.sleep(20);
        engine.appendEvents(event("note-a", 1, "after"), event("note-b", 0, "with it"));
        assertThat(track(engine.createTokenAt(moment))).extracting(e -> ((Noted) e.getPayload()).text())
                .containsExactly("after", "with it");
        assertThat(track(engine.createTokenAt(Instant.now().plusSeconds(60)))).isEmpty();
    }

    @Test
    void a_snapshot_of_another_revision_is_passed_over() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-a", 1, "2"));
        engine.storeSnapshot(new GenericDomainEventMessage<>("Note", "note-a", 0, new NotedEarlier("in an earlier shape")));
        assertThat(engine.readSnapshot("note-a")).isEmpty();
        engine.storeSnapshot(event("note-a", 1, "in today's shape"));
        assertThat(engine.readSnapshot("note-a")).isPresent();
    }

    @Test
    void the_latest_snapshot_is_read_back() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-a", 1, "2"));
        engine.storeSnapshot(event("note-a", 0, "snapshot at 0"));
        engine.storeSnapshot(event("note-a", 1, "snapshot at 1"));
        assertThat(engine.readSnapshot("note-a")).hasValueSatisfying(snapshot -> {
            assertThat(snapshot.getSequenceNumber()).isEqualTo(1);
            assertThat(((Noted) snapshot.getPayload()).text()).isEqualTo("snapshot at 1");
        });
        assertThat(engine.readSnapshot("note-b")).isEmpty();
    }

    @Test
    void a_large_append_is_stored_whole_and_tracked_in_order() {
        List<DomainEventMessage<?>> many = IntStream.range(0, 25_000)
                .mapToObj(i -> event("note-big", i, Integer.toString(i))).collect(Collectors.toList());
        engine.appendEvents(many);
        List<TrackedEventMessage<?>> all = track(engine.createTailToken());
        assertThat(all).hasSize(25_000);
        assertThat(((Noted) all.get(24_999).getPayload()).text()).isEqualTo("24999");
        assertThat(engine.lastSequenceNumberFor("note-big")).contains(24_999L);
    }

    @Test
    void concurrent_appends_all_land_at_distinct_gapless_positions() throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            String aggregate = "note-" + t;
            threads.submit(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        engine.appendEvents(event(aggregate, i, aggregate + ":" + i));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        List<TrackedEventMessage<?>> all = track(engine.createTailToken());
        assertThat(all).hasSize(1_600);
        long first = position(all.get(0));
        for (int i = 0; i < all.size(); i++) {
            assertThat(position(all.get(i))).isEqualTo(first + i);
        }
        assertThat(texts("note-3")).hasSize(200).startsWith("note-3:0", "note-3:1");
    }

    @Test
    void a_reopened_store_keeps_every_event_snapshot_and_position() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-a", 1, "2"));
        engine.storeSnapshot(event("note-a", 1, "snap"));
        List<TrackedEventMessage<?>> before = track(engine.createTailToken());
        storage.close();
        use(openAgain());
        assertThat(texts("note-a")).containsExactly("1", "2");
        assertThat(engine.readSnapshot("note-a")).isPresent();
        engine.appendEvents(event("note-a", 2, "3"));
        List<TrackedEventMessage<?>> after = track(engine.createTailToken());
        assertThat(after).hasSize(3);
        assertThat(position(after.get(2))).isEqualTo(position(before.get(1)) + 1);
    }

    @Test
    void a_later_token_covers_an_earlier_one_and_the_bounds_agree() {
        engine.appendEvents(event("note-a", 0, "1"), event("note-a", 1, "2"), event("note-a", 2, "3"));
        List<TrackedEventMessage<?>> all = track(engine.createTailToken());
        TrackingToken first = all.get(0).trackingToken();
        TrackingToken second = all.get(1).trackingToken();
        TrackingToken third = all.get(2).trackingToken();
        assertThat(third.covers(first)).isTrue();
        assertThat(first.covers(third)).isFalse();
        assertThat(first.lowerBound(third)).satisfies(lower -> assertThat(lower.covers(first) && first.covers(lower)).isTrue());
        assertThat(first.upperBound(third)).satisfies(upper -> assertThat(upper.covers(third) && third.covers(upper)).isTrue());
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(third, first);
        assertThat(ReplayToken.isReplay(replay.advancedTo(second))).as("an event seen before the reset").isTrue();
        assertThat(ReplayToken.isReplay(replay.advancedTo(third))).as("the event at the reset point").isTrue();
        engine.appendEvents(event("note-a", 3, "4"));
        TrackingToken fourth = track(third).get(0).trackingToken();
        assertThat(ReplayToken.isReplay(replay.advancedTo(fourth))).as("the first event after the reset").isFalse();
    }

    @Test
    void an_event_committed_late_behind_a_later_position_is_tracked_once() {
        engine.appendEvents(event("note-a", 0, "first"));
        HeldAppend slow = holdAppendOpen(event("note-slow", 0, "late"));
        assumeTrue(slow != null, "this store has one writer: its positions have no commit-order gaps");
        engine.appendEvents(event("note-b", 0, "quick"));
        List<TrackedEventMessage<?>> seen = track(engine.createTailToken());
        assertThat(textsOf(seen)).containsExactly("first", "quick");
        TrackingToken afterQuick = seen.get(1).trackingToken();
        slow.close();
        List<TrackedEventMessage<?>> late = track(afterQuick);
        assertThat(textsOf(late)).containsExactly("late");
        assertThat(track(late.get(0).trackingToken())).isEmpty();
        assertThat(late.get(0).trackingToken().covers(afterQuick)).isTrue();
    }

    @Test
    void a_command_id_remembers_where_its_events_are() {
        engine.appendEvents(event("note-z", 0, "unrelated"));
        engine.appendEvents(byCommand("note-a", 0, "a", "cmd-1"), byCommand("note-b", 0, "b", "cmd-1"));
        List<TrackedEventMessage<?>> all = track(engine.createTailToken());
        assertThat(storage.find("cmd-1")).hasValueSatisfying(record -> {
            assertThat(record.eventCount()).isEqualTo(2);
            assertThat(record.firstPosition()).isEqualTo(position(all.get(1)));
            assertThat(record.lastPosition()).isEqualTo(position(all.get(2)));
        });
        assertThat(storage.find("cmd-2")).isEmpty();
        assertThat(storage.lastPosition()).isEqualTo(position(all.get(2)));
    }

    @Test
    void a_repeated_command_id_stores_nothing() {
        engine.appendEvents(byCommand("note-a", 0, "first", "cmd-1"));
        assertThatThrownBy(() -> engine.appendEvents(byCommand("note-b", 0, "again", "cmd-1")))
                .isInstanceOf(DuplicateCommandException.class);
        assertThat(engine.lastSequenceNumberFor("note-b")).isEmpty();
        assertThat(track(engine.createTailToken())).hasSize(1);
    }

    @Test
    void commands_appended_together_keep_their_order_and_their_own_command_ids() {
        storage.appendCommands(List.of(
                List.of(byCommand("note-a", 0, "1", "cmd-1"), byCommand("note-b", 0, "2", "cmd-1")),
                List.of(byCommand("note-a", 1, "3", "cmd-2")),
                List.of(event("note-c", 0, "4"))));
        assertThat(textsOf(track(engine.createTailToken()))).containsExactly("1", "2", "3", "4");
        assertThat(storage.find("cmd-1")).hasValueSatisfying(record -> assertThat(record.eventCount()).isEqualTo(2));
        assertThat(storage.find("cmd-2")).hasValueSatisfying(record -> assertThat(record.eventCount()).isEqualTo(1));
        assertThat(texts("note-a")).containsExactly("1", "3");
    }
}
