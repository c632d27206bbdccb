package org.unionanalytics.readmodel;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    private long aggregates;
    private ReadModel model;
    private Projector projector;

    public ProjectedHistory(Path directory) {
        this.directory = directory;
        start();
    }

    public void start() {
        model = ReadModel.open(directory.resolve("readmodel.duckdb"), 2);
        projector = new Projector(model, events, this::head, 1_000).start();
    }

    public void stop() {
        projector.close();
        model.close();
    }

    /** Appends the events, each as the first event of an aggregate of its own; returns the last position. */
    public long publish(Object... payloads) {
        List<EventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            messages.add(new GenericDomainEventMessage<>("Test", "aggregate-" + aggregates++, 0, payload));
        }
        events.publish(messages);
        return head();
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
