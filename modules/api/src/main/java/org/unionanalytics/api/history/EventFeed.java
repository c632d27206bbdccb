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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One subscriber's event feed: the log after a token, read page by page as the subscriber asks
 * for messages, then, once caught up, looked at again every {@link #POLL} for new ones. A message
 * carries up to {@code batch} events: that many while catching up (pages are read until they make
 * one), what has been stored once caught up. One page is
 * read at a time, so events reach the subscriber in the log's order; the reader's token, not a
 * bare position, carries it on, so on PostgreSQL an event committed late behind a later position
 * still arrives. A feed whose filter admits no later events (one command's, or those stored
 * before a moment now past) completes once it has sent them.
 */
final class EventFeed<T> implements Flow.Subscription {

    static final Duration POLL = Duration.ofMillis(250);

    private final Flow.Subscriber<? super T> subscriber;
    private final EventLog log;
    private final EventFilter filter;
    private final int batch;
    private final Function<List<TrackedEventMessage<?>>, T> message;
    private final Executor queryThreads;
    private final Executor afterPoll;
    private final AtomicLong demand = new AtomicLong();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean cancelled;
    private TrackingToken token;
    /** Read but not yet asked for: a page is read whole, however few events the subscriber wants at a time. */
    private final Deque<TrackedEventMessage<?>> ahead = new ArrayDeque<>();

    /** @param message what the subscriber is sent for up to {@code batch} events in the log's order */
    EventFeed(Flow.Subscriber<? super T> subscriber, EventLog log, TrackingToken after, EventFilter filter, int batch,
              Function<List<TrackedEventMessage<?>>, T> message, Executor queryThreads) {
        this.subscriber = subscriber;
        this.log = log;
        this.token = after;
        this.filter = filter;
        this.batch = batch;
        this.message = message;
        this.queryThreads = queryThreads;
        this.afterPoll = CompletableFuture.delayedExecutor(POLL.toMillis(), TimeUnit.MILLISECONDS, queryThreads);
    }

    @Override
    public void request(long n) {
        if (n <= 0) {
            cancel();
            subscriber.onError(new IllegalArgumentException("a subscriber must request a positive number of messages, not " + n));
            return;
        }
        demand.getAndAccumulate(n, (held, more) -> held + more < 0 ? Long.MAX_VALUE : held + more);
        readSoon(queryThreads);
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    private void readSoon(Executor executor) {
        if (!cancelled && demand.get() > 0 && reading.compareAndSet(false, true)) {
            executor.execute(this::read);
        }
    }

    private void read() {
        boolean caughtUp = false;
        try {
            while (!cancelled && demand.get() > 0) {
                if (ahead.size() < batch && !caughtUp) {
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
            cancelled = true;
            subscriber.onError(failure);
            return;
        } finally {
            reading.set(false);
        }
        if (cancelled) {
            return;
        }
        boolean waiting = caughtUp && ahead.isEmpty();
        if (waiting && filter.closedAt(Instant.now())) {
            cancelled = true;
            subscriber.onComplete();
            return;
        }
        // caught up: look again after a while; otherwise a request that came while reading is served now
        readSoon(waiting ? afterPoll : queryThreads);
    }
}
