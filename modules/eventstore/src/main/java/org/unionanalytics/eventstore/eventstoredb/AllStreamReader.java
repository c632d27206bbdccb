package org.unionanalytics.eventstore.eventstoredb;

import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.SubscribeToAllOptions;
import io.kurrent.dbclient.Subscription;
import io.kurrent.dbclient.SubscriptionFilter;
import io.kurrent.dbclient.SubscriptionListener;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads {@code $all} after a token up to where the reader caught up, through a catch-up
 * subscription whose server-side filter passes aggregate streams only (no system events, no
 * snapshots, no command log). If the subscription drops, for instance when the cluster elects a
 * new leader, it resubscribes after the last event it delivered: nothing is lost or repeated.
 */
final class AllStreamReader implements Iterator<TrackedEventData<?>>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AllStreamReader.class);
    private static final int BUFFER = 4_096;
    private static final int MAX_RESUBSCRIPTIONS = 10;
    /** Servers before 23.10 never say they caught up; a quiet subscription is taken as caught up. */
    private static final long QUIET_MILLIS = 5_000;
    private static final Object CAUGHT_UP = new Object();

    private final KurrentDBClient client;
    private final String streams;
    private final int namespaceLength;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BUFFER);
    private AllStreamToken last;
    private Subscription subscription;
    private TrackedEventData<?> next;
    private boolean ended;
    private int resubscriptions;

    /**
     * @param streams         the regular expression of the stream names to read, applied by the server
     * @param namespaceLength how many leading characters of a stream name are not the aggregate id
     */
    AllStreamReader(KurrentDBClient client, AllStreamToken after, String streams, int namespaceLength) {
        this.client = client;
        this.streams = streams;
        this.namespaceLength = namespaceLength;
        this.last = after;
        subscribe();
    }

    private void subscribe() {
        SubscribeToAllOptions options = SubscribeToAllOptions.get()
                .filter(SubscriptionFilter.newBuilder().withStreamNameRegularExpression(streams).build());
        options = last.isStart() ? options.fromStart() : options.fromPosition(new Position(last.commit(), last.prepare()));
        try {
            subscription = client.subscribeToAll(new Listener(), options).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while subscribing to $all", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventStoreException("cannot subscribe to EventStoreDB's $all after " + last + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null && !ended) {
            Object item;
            try {
                item = queue.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                ended = true;
                break;
            }
            if (item == null || item == CAUGHT_UP) {
                ended = true;
            } else if (item instanceof Throwable failure) {
                resubscribe(failure);
            } else {
                RecordedEvent event = ((ResolvedEvent) item).getOriginalEvent();
                Position position = event.getPosition();
                last = new AllStreamToken(position.getCommitUnsigned(), position.getPrepareUnsigned());
                next = new TrackedDomainEventData<>(last, Envelope.entry(event.getStreamId().substring(namespaceLength), event.getEventId().toString(),
                        event.getEventType(), event.getEventData(), event.getUserMetadata()));
            }
        }
        return next != null;
    }

    private void resubscribe(Throwable failure) {
        if (++resubscriptions > MAX_RESUBSCRIPTIONS) {
            throw new EventStoreException("the subscription to $all keeps failing: " + failure.getMessage(), failure);
        }
        log.warn("The subscription to $all dropped ({}); resubscribing after {}", failure.toString(), last);
        queue.clear();
        subscribe();
    }

    @Override
    public TrackedEventData<?> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        TrackedEventData<?> result = next;
        next = null;
        return result;
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.stop();
        }
    }

    private final class Listener extends SubscriptionListener {
        @Override
        public void onEvent(Subscription subscription, ResolvedEvent event) {
            offer(event);
        }

        @Override
        public void onCaughtUp(Subscription subscription, Instant timestamp, Long streamRevision, Position position) {
            offer(CAUGHT_UP);
        }

        @Override
        public void onCancelled(Subscription subscription, Throwable exception) {
            if (exception != null) {
                offer(exception);
            }
        }

        /** Blocks the client's thread while the reader is behind: back-pressure instead of unbounded memory. */
        private void offer(Object item) {
            try {
                queue.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
