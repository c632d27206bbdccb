package org.unionanalytics.api.history;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One subscriber's event feed: the log after a token, read page by page as the subscriber asks
 * for messages, then, once caught up, read again when {@link NewEvents} says the log has grown (or
 * after {@link #LOOK_AGAIN} without news, should the read side not be following). A message carries
 * up to {@code batch} events: that many while catching up (pages are read until they make one), what
 * has been stored once caught up. One page is read at a time, so events reach the subscriber in the
 * log's order; the reader's token, not a bare position, carries it on, so on PostgreSQL an event
 * committed late behind a later position still arrives. A feed whose filter admits no later events
 * (one command's, or those stored before a moment now past) completes once it has sent them.
 * A feed catching up reads for a {@link #TURN} at a time, then lets the other feeds' and live
 * answers' turns come before its next: a hundred auditors catching up share the threads fairly.
 */
final class EventFeed<T> implements Flow.Subscription {

    /** How long a caught-up feed waits for news before it looks anyway. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(2);
    /** How long a feed reads (a page at least) before it goes behind the others waiting for the same threads. */
    static final Duration TURN = Duration.ofMillis(20);

    private final Flow.Subscriber<? super T> subscriber;
    private final EventLog log;
    private final EventFilter filter;
    private final int batch;
    private final Function<List<TrackedEventMessage<?>>, T> message;
    private final Executor threads;
    private final long turnNanos;
    private final NewEvents news;
    private final Runnable wake = this::wake;
    private final Executor afterWaiting;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean reading = new AtomicBoolean();
    /** Set when the log may have grown since the last page was read. */
    private final AtomicBoolean newsArrived = new AtomicBoolean();
    private final AtomicBoolean lookAgainScheduled = new AtomicBoolean();
    private volatile boolean cancelled;
    private TrackingToken token;
    /** Read but not yet asked for: a page is read whole, however few events the subscriber wants at a time. */
    private final Deque<TrackedEventMessage<?>> ahead = new ArrayDeque<>();

    /**
     * @param message what the subscriber is sent for up to {@code batch} events in the log's order
     * @param turn    how long it reads while catching up before the others waiting for {@code threads} go first
     */
    EventFeed(Flow.Subscriber<? super T> subscriber, EventLog log, TrackingToken after, EventFilter filter, int batch,
              Function<List<TrackedEventMessage<?>>, T> message, NewEvents news, Executor threads, Duration turn) {
        this.subscriber = subscriber;
        this.log = log;
        this.token = after;
        this.filter = filter;
        this.batch = batch;
        this.message = message;
        this.news = news;
        this.threads = threads;
        this.turnNanos = turn.toNanos();
        this.afterWaiting = CompletableFuture.delayedExecutor(LOOK_AGAIN.toMillis(), TimeUnit.MILLISECONDS, threads);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancel();
            subscriber.onError(new IllegalArgumentException("a subscriber must request a positive number of messages, not " + n));
            return;
        }
        demand.getAndAccumulate(n, (held, more) -> held + more < 0 ? Long.MAX_VALUE : held + more);
        readSoon();
    }

    @Override
    public void cancel() {
        cancelled = true;
        news.forget(wake);
    }

    private void wake() {
        newsArrived.set(true);
        readSoon();
    }

    private void readSoon() {
        if (!cancelled && demand.get() > 0 && reading.compareAndSet(false, true)) {
            try {
                threads.execute(this::read);
            } catch (RejectedExecutionException stopping) {
                // the server is stopping, and its sockets with it
                cancel();
                reading.set(false);
            }
        }
    }

    private void read() {
        // listening before the first page is read: news during the reading is heard when it ends
        newsArrived.set(false);
        news.once(wake);
        boolean caughtUp = false;
        long turnEnds = System.nanoTime() + turnNanos;
        int pages = 0;
        try {
            while (!cancelled && demand.get() > 0) {
                if (ahead.size() < batch && !caughtUp) {
                    if (pages > 0 && System.nanoTime() > turnEnds) {
                        break; // the next page comes in another turn, after those already waiting
                    }
                    pages++;
                    EventLog.Page page = log.read(token, EventLog.MAX_PAGE, filter);
                    ahead.addAll(page.events());
                    token = page.end();
                    caughtUp = !page.more();
                    continue;
                }
                if (ahead.isEmpty()) {
                    break;
                }
                List<TrackedEventMessage<?>> events = new ArrayList<>(Math.min(batch, ahead.size()));
                while (events.size() < batch && !ahead.isEmpty()) {
                    events.add(ahead.poll());
                }
                demand.decrementAndGet();
                subscriber.onNext(message.apply(events));
            }
        } catch (RuntimeException failure) {
            cancel();
            subscriber.onError(failure);
            return;
        } finally {
            reading.set(false);
        }
        if (cancelled) {
            news.forget(wake); // a cancel before this read listened left it listening
            return;
        }
        boolean sentAll = caughtUp && ahead.isEmpty();
        if (sentAll && filter.closedAt(Instant.now())) {
            cancel();
            subscriber.onComplete();
            return;
        }
        if (sentAll && !newsArrived.get()) {
            lookAgainLater();
        } else {
            readSoon(); // news or a request came while reading, or its turn ended before it caught up
        }
    }

    private void lookAgainLater() {
        if (lookAgainScheduled.compareAndSet(false, true)) {
            afterWaiting.execute(() -> {
                lookAgainScheduled.set(false);
                readSoon();
            });
        }
    }
}
