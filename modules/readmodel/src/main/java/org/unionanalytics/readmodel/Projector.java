package org.unionanalytics.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.readmodel.areas.AreaProjection;
import org.unionanalytics.readmodel.economy.EconomyDays;
import org.unionanalytics.readmodel.economy.EconomyProjection;
import org.unionanalytics.readmodel.areas.TownshipFigures;
import org.unionanalytics.readmodel.batch.BatchWriter;
import org.unionanalytics.readmodel.batch.StagedWrite;
import org.unionanalytics.readmodel.projection.CompetitionProjection;
import org.unionanalytics.readmodel.projection.EnterpriseProjection;
import org.unionanalytics.readmodel.projection.Projection;
import org.unionanalytics.readmodel.projection.ProposalProjection;
import org.unionanalytics.readmodel.Stager.Staged;
import org.unionanalytics.readmodel.projection.UnionProjection;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
    private final Runnable committed;
    private final ConcurrentSkipListMap<Long, List<CompletableFuture<Long>>> waiters = new ConcurrentSkipListMap<>();
    private final Thread thread;
    /** Used by the writing thread only. */
    private final TownshipFigures townships = new TownshipFigures();
    private final EconomyDays economy = new EconomyDays();
    private volatile boolean running = true;
    /** Counted down by {@link #close}, which then need not wait out a pause before a retry. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** After the last committed event; null before the first, when the stream starts at the store's very first event. */
    private volatile TrackingToken token;
    private volatile long position;
    /** Set when reading or writing fails, cleared by the next commit. */
    private volatile Throwable failure;
    private volatile long applied;
    private volatile long batches;
    /** Time this projector's writing thread spent committing batches to the read model. */
    private volatile long writingNanos;
    private final long startPosition;
    /** Per table, the last event of the last batch that changed it since this projector started. */
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

    /** @param committed run on the projector's thread after each batch it commits: keep it short */
    public Projector(ReadModel model, StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier head,
                     int maxBatch, Runnable committed) {
        this.model = model;
        this.events = events;
        this.head = head;
        this.maxBatch = maxBatch;
        this.committed = committed;
        try (Statement statement = model.writer().createStatement()) {
            for (Projection projection : freshProjections()) {
                projection.prepare(statement);
            }
        } catch (SQLException e) {
            throw new ReadModelException("cannot prepare the read model's staging tables: " + e.getMessage(), e);
        }
        this.token = model.committedToken().orElse(null);
        this.position = token == null ? 0 : token.position().orElse(0L);
        this.startPosition = position;
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

    /**
     * The position of the last event of the last batch that changed any of {@code tables}, or the
     * position this projector started from if none has since: answers read from those tables
     * stay the same until it moves, whatever else is written.
     */
    public long changedAt(Set<String> tables) {
        long latest = startPosition;
        for (String table : tables) {
            latest = Math.max(latest, changedAt.getOrDefault(table, startPosition));
        }
        return latest;
    }

    /** How many events this projector has applied since it started. */
    public long applied() {
        return applied;
    }

    /** What this projector has written since it started: events, the batches they went in, and the time that took. */
    public Work work() {
        return new Work(applied, batches, writingNanos);
    }

    public record Work(long events, long batches, long writingNanos) {
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

    /**
     * The failure this projector is retrying after, if it has committed nothing since: a live read
     * model waits out a store that is briefly away, while a rebuild gives up and says why.
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private void run() {
        while (running) {
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(token)) {
                follow(stream);
            } catch (Exception e) {
                if (running) {
                    failure = e;
                    log.error("The read model stopped at position {}: {}. Retrying in 5 seconds.", position, e.toString(), e);
                    awaitRetry();
                }
            }
        }
    }

    /**
     * Two threads share the work: a {@link Stager} reads and stages a batch while this thread writes
     * the one before, so the two halves overlap. Each batch has projections of its own; batches are
     * written in log order.
     */
    private void follow(BlockingStream<TrackedEventMessage<?>> stream) throws InterruptedException, SQLException {
        townships.load(model.writer());
        economy.load(model.writer());
        long startedAt = System.nanoTime();
        long startApplied = applied;
        long lastReport = startedAt;
        BlockingQueue<Staged> ready = new ArrayBlockingQueue<>(1);
        AtomicReference<Throwable> readerFailure = new AtomicReference<>();
        Thread reader = new Thread(new Stager(stream, maxBatch, this::freshProjections, () -> !waiters.isEmpty(), ready,
                readerFailure), "read-model-reader");
        reader.setDaemon(true);
        reader.start();
        try (BatchWriter writer = new BatchWriter(model.writer())) {
            while (running) {
                Staged staged = ready.poll(50, TimeUnit.MILLISECONDS);
                if (staged == null) {
                    rethrow(readerFailure.get());
                    continue;
                }
                write(staged, writer);
                long now = System.nanoTime();
                if (now - lastReport > PROGRESS_EVERY.toNanos()) {
                    reportProgress(startApplied, startedAt, now);
                    lastReport = now;
                }
            }
        } finally {
            reader.interrupt();
            reader.join();
        }
    }

    private static void rethrow(Throwable failure) throws SQLException {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new ReadModelException("reading the event log failed: " + failure.getMessage(), failure);
        }
    }

    /** Where the model is, how far behind the log, and when it should catch up at the pace since it started. */
    private void reportProgress(long startApplied, long startedAt, long now) {
        long done = applied - startApplied;
        double perSecond = done / ((now - startedAt) / 1e9);
        long last = Math.max(position, head.getAsLong());
        double seconds = (last - position) / Math.max(1, perSecond);
        String left = position == last ? "caught up"
                : seconds < 1 ? "under a second to catch up" : String.format("about %,.0f s to catch up", seconds);
        log.info(String.format("Read model at event %,d of %,d (%d%%), %,.0f events/s since start, %s", position, last,
                last == 0 ? 100 : 100 * position / last, perSecond, left));
    }

    private void write(Staged staged, BatchWriter writer) throws SQLException {
        long started = System.nanoTime();
        long last = staged.last().position().orElseThrow();
        DuckDBConnection connection = writer.connection();
        connection.setAutoCommit(false);
        try {
            // The position is written first: DuckDB starts the transaction with the first statement,
            // and an Appender used before any statement commits its rows on its own.
            savePosition(writer, last, Tokens.encode(staged.last()));
            Set<String> changed = new HashSet<>();
            for (Projection projection : staged.projections()) {
                for (StagedWrite write : projection.writes()) {
                    changed.addAll(write.flush(writer));
                }
            }
            connection.commit();
            changed.forEach(table -> changedAt.put(table, last));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        token = staged.last();
        position = last;
        failure = null;
        applied += staged.events();
        batches++;
        writingNanos += System.nanoTime() - started;
        release();
        committed.run();
    }

    /** The position's one row, updated in place: {@code INSERT OR REPLACE} took three times as long in a small batch. */
    private static void savePosition(BatchWriter writer, long last, String token) throws SQLException {
        if (writer.execute("UPDATE projection_position SET position = ?, token = ? WHERE projection = ?",
                last, token, ReadModel.PROJECTOR) == 0) {
            writer.execute("INSERT INTO projection_position (projection, position, token) VALUES (?, ?, ?)",
                    ReadModel.PROJECTOR, last, token);
        }
    }

    /**
     * Projections hold the staged rows of one batch; the economy's days count the competitions' and
     * proposals' rows once written, the township figures come last, once members are counted.
     */
    private List<Projection> freshProjections() {
        var areas = new AreaProjection(townships);
        return List.of(new EnterpriseProjection(), new UnionProjection(areas), new CompetitionProjection(),
                new ProposalProjection(), new EconomyProjection(economy), areas);
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

    /** The pause before trying again after a failure; it ends early when the projector is closed. */
    private void awaitRetry() {
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        stopped.countDown();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // nobody waits for a position this projector will no longer reach
        var stopped = new IllegalStateException("the read model's projector stopped at position " + position);
        waiters.values().forEach(waiting -> waiting.forEach(waiter -> waiter.completeExceptionally(stopped)));
        waiters.clear();
    }
}
