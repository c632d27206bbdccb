package org.unionanalytics.api.live;

import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The answers of live subscriptions: each is computed when a client subscribes, then again after
 * the read model has moved on. The streams look when the read side says it has ({@link #changed}),
 * but never sooner than {@code interval} after their last look: a dashboard hears of a lone write
 * as soon as the read model has it, and of a stream of writes at most once per interval. An answer
 * is computed on the answer threads when its client is ready for it; changes it was not ready for
 * collapse into one, so a slow client skips to the latest answer instead of queueing old ones.
 */
public final class LiveStreams implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);

    private final LongSupplier readModelPosition;
    private final Executor answerThreads;
    private final long intervalNanos;
    private final AtomicBoolean lookScheduled = new AtomicBoolean();
    private volatile long lastLook;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-subscriptions");
        thread.setDaemon(true);
        return thread;
    });

    /** One subscription: where its ticks go, and the read-model position of the last one. */
    private static final class Stream {
        final SubmissionPublisher<Long> ticks;
        long seen;

        Stream(SubmissionPublisher<Long> ticks, long seen) {
            this.ticks = ticks;
            this.seen = seen;
        }
    }

    /** @param answerThreads computes the answers; threads of their own, so that requests never queue behind them */
    public LiveStreams(LongSupplier readModelPosition, Executor answerThreads, Duration interval) {
        this.readModelPosition = readModelPosition;
        this.answerThreads = answerThreads;
        this.intervalNanos = interval.toNanos();
        this.lastLook = System.nanoTime() - intervalNanos;
    }

    /**
     * The read model has moved on: the streams look as soon as their interval allows. Cheap enough
     * for the projector to call after every batch it commits.
     */
    public void changed() {
        if (lookScheduled.compareAndSet(false, true)) {
            try {
                clock.schedule(this::look, Math.max(0, lastLook + intervalNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // the streams are closing: nobody is left to tell
            }
        }
    }

    /** A stream of {@code answer}'s results: one now, one after each change the streams look at. */
    public <T> Publisher<T> answers(Supplier<T> answer) {
        return FlowAdapters.toPublisher(subscriber -> {
            // a buffer of one: the tick being answered, and at most one more waiting behind it
            var ticks = new SubmissionPublisher<Long>(answerThreads, 1);
            ticks.subscribe(new Answering<>(subscriber, answer));
            long now = readModelPosition.getAsLong();
            streams.add(new Stream(ticks, now));
            ticks.offer(now, (ignored, dropped) -> false);
        });
    }

    private void look() {
        // cleared before the position is read, so that a change committed from here on asks for another look
        lookScheduled.set(false);
        lastLook = System.nanoTime();
        try {
            offerChanges();
        } catch (RuntimeException e) {
            log.error("Live subscriptions could not look for changes this time; they will look again", e);
            changed();
        }
    }

    private void offerChanges() {
        long position = readModelPosition.getAsLong();
        streams.removeIf(stream -> {
            if (stream.ticks.isClosed() || !stream.ticks.hasSubscribers()) {
                stream.ticks.close();
                return true;
            }
            if (stream.seen < position) {
                stream.seen = position;
                stream.ticks.offer(position, (ignored, dropped) -> false);
            }
            return false;
        });
    }

    @Override
    public void close() {
        clock.shutdownNow();
        try {
            clock.awaitTermination(5, TimeUnit.SECONDS); // a look under way finishes before its streams close
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        streams.forEach(stream -> stream.ticks.close());
        streams.clear();
    }

    /** Turns each tick into the answer as it stands when the subscriber is ready for it. */
    private static final class Answering<T> implements Flow.Subscriber<Long> {

        private final Flow.Subscriber<? super T> downstream;
        private final Supplier<T> answer;
        private Flow.Subscription subscription;

        Answering(Flow.Subscriber<? super T> downstream, Supplier<T> answer) {
            this.downstream = downstream;
            this.answer = answer;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            downstream.onSubscribe(subscription);
        }

        @Override
        public void onNext(Long position) {
            T next;
            try {
                next = answer.get();
            } catch (RuntimeException failure) {
                subscription.cancel();
                downstream.onError(failure);
                return;
            }
            downstream.onNext(next);
        }

        @Override
        public void onError(Throwable failure) {
            downstream.onError(failure);
        }

        @Override
        public void onComplete() {
            downstream.onComplete();
        }
    }
}
