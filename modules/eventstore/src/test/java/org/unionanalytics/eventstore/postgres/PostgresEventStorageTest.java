package org.unionanalytics.eventstore.postgres;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.Test;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.EventStorageEngineContract;
import org.unionanalytics.eventstore.TestPostgres;

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresEventStorageTest extends EventStorageEngineContract {

    private PostgresConnection connection;

    @Override
    protected EventStorage openEmpty() {
        connection = TestPostgres.emptied();
        return openAgain();
    }

    @Override
    protected EventStorage openAgain() {
        return PostgresEventStorage.connect(connection, SERIALIZER, SERIALIZER, SNAPSHOT_FILTER);
    }

    @Override
    protected HeldAppend holdAppendOpen(DomainEventMessage<?> event) {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                ((PostgresEventStorage) storage).inTransaction(() -> {
                    engine.appendEvents(event);
                    inserted.countDown();
                    awaitQuietly(release);
                });
            } catch (Throwable e) {
                failure.set(e);
                inserted.countDown();
            }
        });
        writer.start();
        awaitQuietly(inserted);
        return () -> {
            release.countDown();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(failure.get()).isNull();
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_tracker_following_concurrent_writers_sees_every_committed_event_exactly_once() throws Exception {
        int writers = 8;
        int perWriter = 150;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String own = "note-w" + w;
            running.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    engine.appendEvents(event(own, i, own + ":" + i));
                    try {
                        // every writer also races for one shared aggregate: the losers roll back and leave gaps
                        engine.appendEvents(event("note-contested", 0, "contested by " + own + ":" + i));
                    } catch (AggregateStreamCreationException lost) {
                        refused.incrementAndGet();
                    }
                }
            }));
        }
        Map<String, Integer> seen = new HashMap<>();
        TrackingToken token = null;
        while (!running.stream().allMatch(Future::isDone) || !readFrom(token).isEmpty()) {
            List<TrackedEventMessage<?>> batch = readFrom(token);
            for (TrackedEventMessage<?> event : batch) {
                seen.merge(((Noted) event.getPayload()).text(), 1, Integer::sum);
                token = event.trackingToken();
            }
        }
        pool.shutdown();
        for (Future<?> writer : running) {
            writer.get();
        }
        assertThat(seen.entrySet().stream().filter(text -> text.getValue() != 1).toList()).as("seen twice").isEmpty();
        assertThat(seen.keySet().stream().filter(text -> text.startsWith("contested")).count()).isEqualTo(1);
        assertThat(seen).hasSize(writers * perWriter + 1);
        assertThat(refused.get()).isEqualTo(writers * perWriter - 1);
    }

    private List<TrackedEventMessage<?>> readFrom(TrackingToken token) {
        try (var stream = engine.readEvents(token, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    @Test
    void a_unique_violation_is_recognised_behind_a_batch_update_exception() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", new int[0]);
        batch.setNextException(new SQLException("duplicate key value", DuplicateKeyResolver.UNIQUE_VIOLATION));
        assertThat(new DuplicateKeyResolver().isDuplicateKeyViolation(batch)).isTrue();
        assertThat(new DuplicateKeyResolver().isDuplicateKeyViolation(new SQLException("other", "40001"))).isFalse();
    }

    @Test
    void an_unreachable_server_is_reported_with_its_address() {
        PostgresConnection nowhere = new PostgresConnection("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2",
                "nobody", "x");
        assertThatThrownBy(() -> PostgresEventStorage.connect(nowhere, SERIALIZER, SERIALIZER, SNAPSHOT_FILTER))
                .hasMessageContaining("cannot connect to the PostgreSQL event store at jdbc:postgresql://127.0.0.1:1/none");
    }
}
