package org.unionanalytics.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One of the server's event stores, whichever is configured: the Axon storage engine, plus what
 * the server needs beside it (the command log, where the log ends, tokens at a position).
 */
public interface EventStorage extends CommandLog, AutoCloseable {

    EventStorageEngine engine();

    /**
     * Appends the events of several commands, in this order, each command's events together with its
     * own command-log entry, sharing disk syncs where the store can: how a log is loaded into an
     * empty store. Stops at the first command refused; commands after it may be stored.
     */
    void appendCommands(List<? extends List<? extends EventMessage<?>>> commands);

    /** The position of the last stored event; 0 while the store is empty. */
    long lastPosition();

    /** A token from which tracking reads every event stored after {@code position}. */
    TrackingToken tokenAfter(long position);

    /**
     * Those of {@code aggregateIds} that have stored events. One look-up each by default (the embedded
     * store answers most from its Bloom filters); a store behind a network answers in one round trip.
     */
    default Set<String> amongStored(Collection<String> aggregateIds) {
        return aggregateIds.stream().filter(id -> engine().lastSequenceNumberFor(id).isPresent()).collect(Collectors.toSet());
    }

    /** The serializer the store's events are written with. */
    Serializer getEventSerializer();

    /**
     * One aggregate's events in the order of its versions, each with its token in the log: an
     * aggregate's history read through its own index, where Axon's {@code readEvents} would drop the
     * positions. Empty for an aggregate the store does not know.
     */
    default Stream<TrackedEventMessage<?>> historyOf(String aggregateId) {
        return EventUtils.upcastAndDeserializeTrackedEvents(historyDataOf(aggregateId), getEventSerializer(),
                NoOpEventUpcaster.INSTANCE);
    }

    /** The stored form of {@link #historyOf}: what each store implements. */
    Stream<? extends TrackedEventData<?>> historyDataOf(String aggregateId);

    /**
     * What a recorded command changed: each event's aggregate and sequence number, in order. Read
     * back from the log; where concurrent writers interleave, other commands' events are skipped.
     */
    default List<Change> changesOf(CommandRecord record, String commandId) {
        try (var stream = engine().readEvents(tokenAfter(record.firstPosition() - 1), false)) {
            return stream.filter(event -> commandId.equals(event.getMetaData().get(COMMAND_ID)))
                    .limit(record.eventCount())
                    .map(event -> (DomainEventMessage<?>) event)
                    .map(event -> new Change(event.getAggregateIdentifier(), event.getSequenceNumber()))
                    .toList();
        }
    }

    /** One event of a command: the aggregate it belongs to and its sequence number there. */
    record Change(String aggregateId, long sequence) {
    }

    /** Says which store this is and where, in words for the log. */
    String describe();

    @Override
    void close();

    /** The client command id the events were appended for, if any (it travels in their metadata). */
    static String commandIdOf(List<? extends EventMessage<?>> events) {
        Object id = events.get(events.size() - 1).getMetaData().get(COMMAND_ID);
        return id == null ? null : id.toString();
    }
}
