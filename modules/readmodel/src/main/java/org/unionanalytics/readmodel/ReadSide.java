package org.unionanalytics.readmodel;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * The read model a server answers from, and its rebuilds. Read models are numbered generations
 * in one directory ({@code 1.duckdb}, {@code 2.duckdb}, ...); the newest one marked active is
 * used. A rebuild fills the next generation from the start of the event log while the current one
 * keeps answering, then marks it active, switches queries over and deletes the old one. A rebuild
 * cut short by a crash leaves an inactive generation, which is deleted at the next start.
 */
public final class ReadSide implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadSide.class);
    /**
     * Events a rebuild applies in one batch at most. Nobody queries a model being rebuilt, so its
     * batches can be larger than a live projector's: what each batch costs whatever its size (the
     * closing of stored membership spells scans every membership) is paid a fifth as often. The
     * price is heap: the staged rows of the batches in flight live long enough for the collector to
     * copy them (replays in BENCHMARKS.md, run 27). Once the rebuilt model has taken over, batches
     * this large only form if the log runs far ahead of it.
     */
    private static final int REBUILD_BATCH = 100_000;
    /** How often a rebuild looks whether its projector has failed. */
    private static final Duration FAILURE_CHECK = Duration.ofMillis(200);

    private final Path directory;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final LongSupplier head;
    private final int batch;
    private final int readers;
    private volatile Generation current;
    private volatile RebuildStatus lastRebuild;
    private volatile Generation building;
    private volatile Instant buildStarted;
    private Thread rebuilding;
    /** Set once the server stops: a rebuild starting after it must not begin. Guarded by this. */
    private boolean closed;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();

    private record Generation(int number, Path file, ReadModel model, Projector projector) {
    }

    /** The read model a server answers from, following the event log from where it stopped. */
    public ReadSide(Path directory, StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier head,
                    int batch, int readers) {
        this(directory, events, head, batch, readers, true);
    }

    /**
     * The read model opened only to be rebuilt, offline: the one in use does not follow the log meanwhile. It would
     * take a share of the cores from the rebuild, loading its township figures, or replaying the whole log beside it
     * when it is new (as after {@code import-events}), for a model the rebuild replaces.
     */
    public static ReadSide forRebuild(Path directory, StreamableMessageSource<TrackedEventMessage<?>> events,
                                      LongSupplier head, int batch, int readers) {
        return new ReadSide(directory, events, head, batch, readers, false);
    }

    private ReadSide(Path directory, StreamableMessageSource<TrackedEventMessage<?>> events, LongSupplier head,
                     int batch, int readers, boolean follow) {
        this.directory = directory;
        this.events = events;
        this.head = head;
        this.batch = batch;
        this.readers = readers;
        this.current = openActive(follow);
    }

    private Generation openActive(boolean follow) {
        List<Path> files = generations();
        for (Path file : files) {
            ReadModel model = ReadModel.open(file, readers);
            if (model.isActive()) {
                files.stream().filter(other -> !other.equals(file)).forEach(ReadSide::delete);
                return generation(number(file), file, model, follow, batch);
            }
            model.close();
        }
        files.forEach(ReadSide::delete);
        Path first = directory.resolve("1.duckdb");
        ReadModel model = ReadModel.open(first, readers);
        model.markActive();
        return generation(1, first, model, follow, batch);
    }

    /** A generation whose projector, once following the event log, tells the listeners while it answers queries. */
    private Generation generation(int number, Path file, ReadModel model, boolean follow, int maxBatch) {
        Runnable committed = () -> {
            Generation answering = current;
            if (answering != null && answering.number() == number) {
                changed();
            }
        };
        Projector projector = new Projector(model, events, head, maxBatch, committed);
        return new Generation(number, file, model, follow ? projector.start() : projector);
    }

    /**
     * Runs {@code listener} after each batch the read model answering queries commits, and once a
     * rebuilt one takes over; on the projector's or the rebuild's thread, so it must be short.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    private void changed() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("A listener to the read model's changes failed; the read model carries on", e);
            }
        }
    }

    /** Generation files, newest first. */
    private List<Path> generations() {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                return new ArrayList<>(files.filter(f -> f.getFileName().toString().matches("\\d+\\.duckdb"))
                        .sorted(Comparator.comparingInt(ReadSide::number).reversed()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the read-model directory " + directory, e);
        }
    }

    private static int number(Path file) {
        String name = file.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('.')));
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        } catch (IOException e) {
            log.warn("Could not delete the old read model {}: {}", file, e.getMessage());
        }
    }

    public ReadModel model() {
        return current.model();
    }

    public long position() {
        return current.projector().position();
    }

    /** What the projector of the read model answering queries has written since it started (a rebuild starts afresh). */
    public Projector.Work work() {
        return current.projector().work();
    }

    /** See {@link Projector#changedAt}. */
    public long changedAt(Set<String> tables) {
        return current.projector().changedAt(tables);
    }

    public CompletableFuture<Long> awaitPosition(long target, Duration timeout) {
        return current.projector().awaitPosition(target, timeout);
    }

    /** The rebuild under way, or the last one; null if there was none since the start. */
    public RebuildStatus rebuildStatus() {
        Thread running = rebuilding;
        return running != null && running.isAlive() ? progress() : lastRebuild;
    }

    private RebuildStatus progress() {
        Generation next = building;
        long position = next == null ? 0 : next.projector().position();
        long applied = next == null ? 0 : next.projector().applied();
        double seconds = Math.max(0.001, Duration.between(buildStarted, Instant.now()).toMillis() / 1000.0);
        return new RebuildStatus(RebuildStatus.State.RUNNING, buildStarted, null, position, head.getAsLong(),
                applied / seconds, null);
    }

    /** Starts a rebuild unless one is running; either way answers with its status. */
    public synchronized RebuildStatus rebuild() {
        if (rebuilding != null && rebuilding.isAlive()) {
            return rebuildStatus();
        }
        buildStarted = Instant.now();
        building = null;
        rebuilding = new Thread(this::replay, "read-model-rebuild");
        rebuilding.setDaemon(true);
        rebuilding.start();
        return new RebuildStatus(RebuildStatus.State.RUNNING, buildStarted, null, 0, head.getAsLong(), 0, null);
    }

    /** Rebuilds in the calling thread and returns once queries have switched to the new read model. */
    public RebuildStatus rebuildNow() {
        buildStarted = Instant.now();
        replay();
        return lastRebuild;
    }

    private void replay() {
        Generation old = current;
        Path file = directory.resolve((old.number() + 1) + ".duckdb");
        delete(file);
        log.info("Rebuilding the read model into {} from the start of the event log ({} events)", file, head.getAsLong());
        try {
            ReadModel model = ReadModel.open(file, readers);
            model.buildingAlone();
            Generation next = generation(old.number() + 1, file, model, true, Math.max(batch, REBUILD_BATCH));
            synchronized (this) {
                building = next;
                if (closed) {
                    throw new IllegalStateException("the server is stopping");
                }
            }
            long target;
            do {
                target = head.getAsLong();
                awaitRebuilt(next.projector(), target);
            } while (next.projector().position() < head.getAsLong());
            model.answering();
            model.markActive();
            current = next;
            changed();
            old.projector().close();
            old.model().close();
            delete(old.file());
            Instant finished = Instant.now();
            double seconds = Math.max(0.001, Duration.between(buildStarted, finished).toMillis() / 1000.0);
            lastRebuild = new RebuildStatus(RebuildStatus.State.SWITCHED, buildStarted, finished, next.projector().position(),
                    target, next.projector().applied() / seconds, null);
            log.info("The rebuilt read model has caught up at event {} ({} events/s); queries use it now",
                    next.projector().position(), String.format("%,.0f", lastRebuild.eventsPerSecond()));
        } catch (RuntimeException e) {
            if (stopping()) {
                log.info("The rebuild of the read model stopped with the server; a new rebuild starts from the beginning");
            } else {
                log.error("Rebuilding the read model failed; the current one keeps answering", e);
            }
            lastRebuild = new RebuildStatus(RebuildStatus.State.FAILED, buildStarted, Instant.now(), 0, head.getAsLong(), 0,
                    e.getMessage());
            Generation failed = building;
            if (failed != null) {
                failed.projector().close();
                failed.model().close();
            }
            delete(file);
        } finally {
            building = null;
        }
    }

    /**
     * Waits for the rebuilding projector to reach {@code target}. It gives up at the first failure
     * (a log it cannot read, a full disk) rather than retry as a live projector does: the current
     * model keeps answering, and a rebuild asked again starts afresh.
     */
    private static void awaitRebuilt(Projector projector, long target) {
        CompletableFuture<Long> reached = projector.awaitPosition(target, Duration.ofHours(24));
        while (true) {
            try {
                reached.get(FAILURE_CHECK.toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException stillRebuilding) {
                var failure = projector.failure();
                if (failure.isPresent()) {
                    throw new ReadModelException("the rebuild stopped at event " + projector.position() + " of " + target
                            + ": " + failure.get().getMessage(), failure.get());
                }
            } catch (ExecutionException closed) {
                throw new CompletionException(closed.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the rebuild was interrupted", e);
            }
        }
    }

    private synchronized boolean stopping() {
        return closed;
    }

    /** Stops a rebuild under way (its projector must not read a store about to close), then the current read model. */
    @Override
    public void close() {
        Generation underway;
        synchronized (this) {
            closed = true;
            underway = building;
        }
        if (underway != null) {
            underway.projector().close();
        }
        Thread rebuild = rebuilding;
        if (rebuild != null) {
            try {
                rebuild.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Generation generation = current;
        generation.projector().close();
        generation.model().close();
    }
}
