package org.unionanalytics.readmodel;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** An event source whose first stream breaks after a number of events, as a store connection might. */
final class FailingOnceSource implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> source;
    private final int breakAfter;
    private final AtomicBoolean broken = new AtomicBoolean();

    FailingOnceSource(StreamableMessageSource<TrackedEventMessage<?>> source, int breakAfter) {
        this.source = source;
        this.breakAfter = breakAfter;
    }

    boolean hasBroken() {
        return broken.get();
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(trackingToken);
        return broken.get() ? stream : new BlockingStream<>() {
            private int delivered;

            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return stream.peek();
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                if (delivered == breakAfter && broken.compareAndSet(false, true)) {
                    throw new IllegalStateException("the connection to the event store broke");
                }
                return stream.hasNextAvailable(timeout, unit);
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                delivered++;
                return stream.nextAvailable();
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    @Override
    public TrackingToken createTailToken() {
        return source.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return source.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return source.createTokenAt(dateTime);
    }
}
