package org.unionanalytics.api.live;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The clock behind live subscriptions: an answer at once, another after each change it sees. */
class LiveStreamsTest {

    private final ExecutorService queryThreads = Executors.newFixedThreadPool(2);
    private final AtomicLong position = new AtomicLong(10);
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private final LiveStreams live = new LiveStreams(() -> {
        if (failuresToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IllegalStateException("the read model is switching over");
        }
        return position.get();
    }, queryThreads, Duration.ofMillis(20));
    private final List<Long> answers = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        live.close();
        queryThreads.shutdown();
    }

    @Test
    void a_subscriber_is_answered_at_once_and_again_only_after_the_read_model_moves_on() throws InterruptedException {
        subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L)));
        Thread.sleep(200);
        assertThat(answers).as("nothing moved: nothing more").containsExactly(10L);
        position.set(11);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L, 11L)));
    }

    @Test
    void a_clock_that_once_could_not_read_the_position_keeps_looking() {
        subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 1);
        failuresToCome.set(3);
        position.set(12);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L, 12L)));
    }

    /** Each answer is the position it was computed at. */
    private void subscribe() {
        live.answers(position::get).subscribe(new Subscriber<Long>() {
            @Override
            public void onSubscribe(Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Long answer) {
                answers.add(answer);
            }

            @Override
            public void onError(Throwable failure) {
            }

            @Override
            public void onComplete() {
            }
        });
    }
}
