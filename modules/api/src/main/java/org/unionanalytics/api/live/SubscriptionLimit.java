package org.unionanalytics.api.live;

import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The most subscriptions (live answers and event feeds) the server holds at once. Each costs some
 * kilobytes of memory for as long as it lasts, so a client that opens them by the hundred thousand
 * would otherwise take the whole heap; past the limit a subscription is refused with
 * {@code LIMIT_EXCEEDED}, and the server carries on. A subscription counts until it completes,
 * fails or its client cancels it.
 */
public final class SubscriptionLimit {

    private final int most;
    private final AtomicInteger held = new AtomicInteger();

    public SubscriptionLimit(int most) {
        this.most = most;
    }

    /** Refused past the limit. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(int most) {
            super("the server holds " + most + " subscriptions, its most (serve --max-subscriptions); "
                    + "complete some before subscribing again");
        }
    }

    /** A subscription's answers, counted from now until it ends; refused with {@link Exceeded} past the limit. */
    public <T> Publisher<T> hold(Supplier<Publisher<T>> answers) {
        if (held.incrementAndGet() > most) {
            held.decrementAndGet();
            throw new Exceeded(most);
        }
        Publisher<T> publisher;
        try {
            publisher = answers.get();
        } catch (RuntimeException refused) {
            held.decrementAndGet();
            throw refused;
        }
        AtomicBoolean ended = new AtomicBoolean();
        Runnable release = () -> {
            if (ended.compareAndSet(false, true)) {
                held.decrementAndGet();
            }
        };
        return subscriber -> publisher.subscribe(new Counted<>(subscriber, release));
    }

    /** How many subscriptions the server holds now. */
    public int held() {
        return held.get();
    }

    private record Counted<T>(Subscriber<? super T> downstream, Runnable release) implements Subscriber<T> {

        @Override
        public void onSubscribe(Subscription subscription) {
            downstream.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                    subscription.request(n);
                }

                @Override
                public void cancel() {
                    release.run();
                    subscription.cancel();
                }
            });
        }

        @Override
        public void onNext(T item) {
            downstream.onNext(item);
        }

        @Override
        public void onError(Throwable failure) {
            release.run();
            downstream.onError(failure);
        }

        @Override
        public void onComplete() {
            release.run();
            downstream.onComplete();
        }
    }
}
