package org.unionanalytics.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.unionanalytics.readmodel.projection.Projection;
import org.unionanalytics.readmodel.projection.Recorded;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The projector's reading half: takes events off the stream, decodes them and stages their rows
 * (Java work) while the projector writes the batch before (DuckDB work), until interrupted. The
 * event store is read on a private stream, which looks for new events when asked. A batch ends when
 * the stream has nothing more, except under a bulk load (the batch before held {@link #BULK} events
 * or more, as while an import runs): then it waits up to {@link #LINGER} for more, unless a client
 * waits to read its write. Part of a batch's cost grows with the tables, not the batch (statements
 * that scan a whole table, the township figures, the commit): following an import at scale 1 the
 * projector wrote 1,662-1,753 batches in 237-254 s, on the cores the import needs, and 447-568 in
 * 153-188 s with the wait.
 */
final class Stager implements Runnable {

    /** A batch at least this large means a bulk load: the next one waits {@link #LINGER} for more events. */
    private static final int BULK = 1_000;
    private static final Duration LINGER = Duration.ofMillis(500);
    private static final Duration LINGER_STEP = Duration.ofMillis(10);

    /** The staged rows of a batch of events, and the token of its last event. */
    record Staged(List<Projection> projections, TrackingToken last, int events) {
    }

    private final BlockingStream<TrackedEventMessage<?>> stream;
    private final int maxBatch;
    private final Supplier<List<Projection>> projections;
    private final BooleanSupplier clientWaiting;
    private final BlockingQueue<Staged> ready;
    private final AtomicReference<Throwable> failure;

    /**
     * @param projections fresh projections for each batch, which hold its staged rows
     * @param ready       where staged batches go, in log order
     * @param failure     set to what stopped the staging, if anything did
     */
    Stager(BlockingStream<TrackedEventMessage<?>> stream, int maxBatch, Supplier<List<Projection>> projections,
           BooleanSupplier clientWaiting, BlockingQueue<Staged> ready, AtomicReference<Throwable> failure) {
        this.stream = stream;
        this.maxBatch = maxBatch;
        this.projections = projections;
        this.clientWaiting = clientWaiting;
        this.ready = ready;
        this.failure = failure;
    }

    @Override
    public void run() {
        try {
            int before = 0;
            while (!Thread.currentThread().isInterrupted()) {
                if (!stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                Staged staged = stage(System.nanoTime() + (before >= BULK ? LINGER.toNanos() : 0));
                ready.put(staged);
                before = staged.events();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
        }
    }

    private Staged stage(long lingerUntil) throws InterruptedException {
        List<Projection> batch = projections.get();
        TrackingToken last = null;
        int events = 0;
        while (events < maxBatch && moreBefore(lingerUntil)) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            last = event.trackingToken();
            boolean first = event instanceof DomainEventMessage<?> domain && domain.getSequenceNumber() == 0;
            Recorded recorded = new Recorded(last.position().orElseThrow(), event.getTimestamp().atOffset(ZoneOffset.UTC), first);
            Object payload = event.getPayload();
            for (Projection projection : batch) {
                projection.apply(payload, recorded);
            }
            events++;
        }
        return new Staged(batch, last, events);
    }

    /**
     * Whether the stream has another event now, or gets one before {@code lingerUntil}; a client
     * waiting to read its own write ends the wait. A private stream waits out its whole timeout and
     * does not look again, so the wait is taken in short steps.
     */
    private boolean moreBefore(long lingerUntil) throws InterruptedException {
        while (!stream.hasNextAvailable()) {
            long wait = lingerUntil - System.nanoTime();
            if (wait <= 0 || clientWaiting.getAsBoolean()) {
                return false;
            }
            stream.hasNextAvailable((int) Math.min(LINGER_STEP.toMillis(), Math.max(1, wait / 1_000_000)), TimeUnit.MILLISECONDS);
        }
        return true;
    }
}
