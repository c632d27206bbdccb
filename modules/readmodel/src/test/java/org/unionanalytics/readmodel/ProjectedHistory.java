package org.unionanalytics.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event history written straight to an in-memory event store, and a read model in a
 * directory of the test's that follows it: projections and queries without the command side.
 */
public final class ProjectedHistory implements AutoCloseable {

    private final Path directory;
    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final EmbeddedEventStore events = EmbeddedEventStore.builder().storageEngine(storage)
            .optimizeEventConsumption(false).build();
    private final Map<String, Long> sequences = new HashMap<>();
    private StreamableMessageSource<TrackedEventMessage<?>> source = events;
    private ReadModel model;
    private Projector projector;

    public ProjectedHistory(Path directory) {
        this.directory = directory;
        start();
    }

    public void start() {
        model = ReadModel.open(directory.resolve("readmodel.duckdb"), 2);
        projector = new Projector(model, source, this::head, 1_000, () -> { }).start();
    }

    /** From the next start on, the projector reads through {@code source} instead of the store itself. */
    void readThrough(StreamableMessageSource<TrackedEventMessage<?>> wrapped) {
        source = wrapped;
    }

    public void stop() {
        projector.close();
        model.close();
    }

    /**
     * Appends the events as their aggregates would: each event belongs to the aggregate its first
     * field names (every event of the domain leads with its aggregate's id), in sequence. Returns
     * the last position.
     */
    public long publish(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            String aggregate = aggregateOf(payload);
            long sequence = sequences.merge(aggregate, 0L, (last, zero) -> last + 1);
            messages.add(new GenericDomainEventMessage<>("Test", aggregate, sequence, payload));
        }
        // One at a time: Axon 4.13's in-memory engine stores a list through a HashMap, in no
        // particular order, so a projector reading while it appends could see a later event
        // first and skip the earlier ones for good (a report once missed the first union).
        messages.forEach(events::publish);
        return head();
    }

    private static String aggregateOf(Object payload) {
        try {
            return String.valueOf(payload.getClass().getRecordComponents()[0].getAccessor().invoke(payload));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot tell the aggregate of " + payload, e);
        }
    }

    public long head() {
        var token = storage.createHeadToken();
        return token == null ? 0 : token.position().orElse(0);
    }

    /** The read model once it has caught up with everything published. */
    public ReadModel caughtUp() {
        long head = head();
        assertThat(projector.awaitPosition(head, Duration.ofSeconds(10)).join()).isEqualTo(head);
        return model;
    }

    public EmbeddedEventStore events() {
        return events;
    }

    public ReadModel model() {
        return model;
    }

    public Projector projector() {
        return projector;
    }

    @Override
    public void close() {
        stop();
        events.shutDown();
    }
}
