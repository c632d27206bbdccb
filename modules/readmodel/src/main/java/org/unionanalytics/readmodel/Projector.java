package org.unionanalytics.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.readmodel.batch.StagedWrite;
import org.unionanalytics.readmodel.projection.CompetitionProjection;
import org.unionanalytics.readmodel.projection.EnterpriseProjection;
import org.unionanalytics.readmodel.projection.Projection;
import org.unionanalytics.readmodel.projection.ProposalProjection;
import org.unionanalytics.readmodel.projection.Recorded;
import org.unionanalytics.readmodel.projection.UnionProjection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Follows the event stream and keeps the read model up to date. It takes whatever events are
 * available (up to a batch), stages their rows, and commits the rows together with the position
 * of the last event in one DuckDB transaction: after a crash it resumes exactly after the last
 * committed batch, so nothing is lost and nothing is counted twice.
 */
public final class Projector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Projector.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final ReadModel model;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LongSupplier head;
    private final int maxBatch;
    private List<Projection> projections = freshProjections();
    private final ConcurrentSkipListMap<Long, List<CompletableFuture<Long>>> waiters = new ConcurrentSkipListMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** After the last committed event; null before the first, when the stream starts at the store's very first event. */
    private volatile TrackingToken token;
    private volatile long position;
    private volatile long applied;

    public Projector(ReadModel model, StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier head,
                     int maxBatch) {
        this.model = model;
        this.events = events;
        this.head = head;
        this.maxBatch = maxBatch;
        try (Statement statement = model.writer().createStatement()) {
            for (Projection projection : projections) {
                projection.prepare(statement);
            }
        } catch (SQLException e) {
            throw new ReadModelException("cannot prepare the read model's staging tables: " + e.getMessage(), e);
        }
        this.token = model.committedToken().orElse(null);
        this.position = token == null ? 0 : token.position().orElse(0L);
        this.thread = new Thread(this::run, "read-model-projector");
        thread.setDaemon(true);
    }

    public Projector start() {
        thread.start();
        return this;
    }

    /** The position of the last event reflected in the read model. */
    public long position() {
        return position;
    }

    /** How many events this projector has applied since it started. */
    public long applied() {
        return applied;
    }

    /**
     * Completes once the read model has reached {@code target}, or after {@code timeout} with the
     * position reached by then: read-your-writes for a client holding a mutation's position.
     */
    public CompletableFuture<Long> awaitPosition(long target, Duration timeout) {
        if (Tokens.reached(token, target)) {
            return CompletableFuture.completedFuture(position);
        }
        CompletableFuture<Long> reached = new CompletableFuture<>();
        waiters.computeIfAbsent(target, t -> new CopyOnWriteArrayList<>()).add(reached);
        if (Tokens.reached(token, target)) {
            release();
        }
        return reached.completeOnTimeout(-1L, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(result -> position);
    }

    private void run() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
                follow(stream);
            } catch (Exception e) {
                if (running) {
                    log.error("The read model stopped at position {}: {}. Retrying in 5 seconds.", position, e.toString(), e);
                    sleep(5_000);
                }
            }
        }
    }

    private void follow(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException, SQLException {
        long startedAt = System.nanoTime();
        long startApplied = applied;
        long lastReport = startedAt;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(maxBatch);
        while (running) {
            // the event store is read on a private stream, which looks for new events when asked
            if (!stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                continue;
            }
            while (batch.size() < maxBatch && stream.hasNextAvailable()) {
                batch.add(stream.nextAvailable());
            }
            apply(batch);
            batch.clear();
            long now = System.nanoTime();
            if (now - lastReport > PROGRESS_EVERY.toNanos()) {
                reportProgress(startApplied, startedAt, now);
                lastReport = now;
            }
        }
    }

    private void reportProgress(long startApplied, long startedAt, long now) {
        long done = applied - startApplied;
        double perSecond = done / ((now - startedAt) / 1e9);
        log.info("Read model at event {} of {} ({} events/s since start)", position, head.getAsLong(),
                String.format("%,.0f", perSecond));
    }

    private void apply(List<TrackedEventMessage<?>> batch) throws SQLException {
        TrackingToken lastToken = token;
        long last = position;
        for (TrackedEventMessage<?> event : batch) {
            lastToken = event.trackingToken();
            last = lastToken.position().orElseThrow();
            Object payload = event.getPayload();
            boolean first = event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0;
            Recorded recorded = new Recorded(last, event.getTimestamp().atOffset(ZoneOffset.UTC), first);
            for (Projection projection : projections) {
                projection.apply(payload, recorded);
            }
        }
        DuckDBConnection connection = model.writer();
        connection.setAutoCommit(false);
        try {
            // The position is written first: DuckDB starts the transaction with the first statement,
            // and an Appender used before any statement commits its rows on its own.
            try (PreparedStatement save = connection.prepareStatement(
                    "INSERT OR REPLACE INTO projection_position (projection, position, token) VALUES (?, ?, ?)")) {
                save.setString(1, ReadModel.PROJECTOR);
                save.setLong(2, last);
                save.setString(3, Tokens.encode(lastToken));
                save.executeUpdate();
            }
            for (Projection projection : projections) {
                for (StagedWrite write : projection.writes()) {
                    write.flush(connection);
                }
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            projections = freshProjections();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        token = lastToken;
        position = last;
        applied += batch.size();
        release();
    }

    /** Projections hold the staged rows of the batch under way; a failed batch starts over with empty ones. */
    private static List<Projection> freshProjections() {
        return List.of(new EnterpriseProjection(), new UnionProjection(), new CompetitionProjection(),
                new ProposalProjection());
    }

    private void release() {
        var candidates = waiters.headMap(position, true);
        candidates.entrySet().removeIf(waiting -> {
            if (!Tokens.reached(token, waiting.getKey())) {
                return false;
            }
            waiting.getValue().forEach(waiter -> waiter.complete(position));
            return true;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
