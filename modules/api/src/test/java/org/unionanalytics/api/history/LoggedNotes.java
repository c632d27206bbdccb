package org.unionanalytics.api.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** An embedded event store holding notes and flags: an event log to read in the history tests. */
final class LoggedNotes {

    record Noted(String text) {
    }

    record Flagged(String text) {
    }

    static final String FLAGGED = Flagged.class.getName();

    private LoggedNotes() {
    }

    static EventStorage open(Path directory) {
        JacksonSerializer json = JacksonSerializer.defaultSerializer();
        return RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(json).snapshotSerializer(json).build();
    }

    /** One command's events: notes on the aggregates named, each at its next version. */
    static void note(EventStorage storage, String commandId, String... aggregateIds) {
        storage.engine().appendEvents(List.of(aggregateIds).stream().map(id -> event(storage, id, new Noted(commandId), commandId))
                .toList());
    }

    static void flag(EventStorage storage, String aggregateId) {
        storage.engine().appendEvents(event(storage, aggregateId, new Flagged("flag"), "flag-" + aggregateId));
    }

    /** {@code count} notes, each on its own aggregate, in one append. */
    static void manyNotes(EventStorage storage, int count) {
        storage.engine().appendEvents(IntStream.range(0, count)
                .mapToObj(i -> (DomainEventMessage<?>) new GenericDomainEventMessage<>("Note", "many-" + i, 0,
                        new Noted("many"))).toList());
    }

    private static DomainEventMessage<?> event(EventStorage storage, String aggregateId, Object payload, String commandId) {
        long version = storage.engine().lastSequenceNumberFor(aggregateId).map(last -> last + 1).orElse(0L);
        return new GenericDomainEventMessage<>("Note", aggregateId, version, payload, Map.of(CommandLog.COMMAND_ID, commandId));
    }

    static List<Long> positions(EventLog.Page page) {
        return page.events().stream().map(EventLog::position).toList();
    }

    static List<String> aggregates(EventLog.Page page) {
        return page.events().stream().map(e -> ((DomainEventMessage<?>) e).getAggregateIdentifier()).toList();
    }

    static String text(TrackedEventMessage<?> event) {
        return event.getPayload() instanceof Noted noted ? noted.text() : ((Flagged) event.getPayload()).text();
    }
}
