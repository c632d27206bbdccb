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

/** Live subscriptions: an answer at once, another after each change, at most one per interval. */
class LiveStreamsTest {

    private final ExecutorService queryThreads = Executors.newFixedThreadPool(2);
    private final AtomicLong position = new AtomicLong(10);
    private final AtomicInteger failuresToCome = new AtomicInteger();
    private LiveStreams live = streamsLookingEvery(Duration.ofMillis(20));
    private final List<Long> answers = new CopyOnWriteArrayList<>();

    private LiveStreams streamsLookingEvery(Duration interval) {
        return new LiveStreams(() -> {
            if (failuresToCome.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                throw new IllegalStateException("the read model is switching over");
            }
            return position.get();
        }, queryThreads, interval);
    }

    /** What the read side does after each batch it commits. */
    private void readModelMovesTo(long next) {
        position.set(next);
        live.changed();
    }

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
        readModelMovesTo(11);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L, 11L)));
    }

    @Test
    void a_lone_change_is_answered_at_once_however_long_the_interval() {
        live.close();
        live = streamsLookingEvery(Duration.ofHours(1));
        subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L)));
        readModelMovesTo(11);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L, 11L)));
    }

    @Test
    void changes_within_an_interval_of_the_last_look_wait_for_its_end_and_collapse_into_one_answer()
            throws InterruptedException {
        live.close();
        Duration interval = Duration.ofMillis(1_500);
        live = streamsLookingEvery(interval);
        subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L)));
        readModelMovesTo(11);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.equals(List.of(10L, 11L)));
        long looked = System.nanoTime();

        readModelMovesTo(12);
        readModelMovesTo(13);
        Thread.sleep(interval.toMillis() / 3);
        assertThat(answers).as("within the interval: nothing more yet").containsExactly(10L, 11L);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 3);
        assertThat(answers).containsExactly(10L, 11L, 13L);
        assertThat(Duration.ofNanos(System.nanoTime() - looked))
                .as("about the interval after the look (seen here up to a poll of the await later)")
                .isGreaterThan(interval.minusMillis(300));
    }

    @Test
    void streams_that_once_could_not_read_the_position_look_again() {
        subscribe();
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 1);
        failuresToCome.set(3);
        readModelMovesTo(12);
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
