package org.unionanalytics.scenario.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesTest {

    @Test
    void a_spent_budget_still_times_the_least_number_of_calls() {
        Samples timed = Samples.time(Duration.ZERO, new Samples.Sampling(3, 100, Duration.ZERO), () -> { });
        assertThat(timed.count()).isEqualTo(3);
    }

    @Test
    void a_long_budget_stops_at_the_most_calls() {
        AtomicInteger calls = new AtomicInteger();
        Samples timed = Samples.time(Duration.ZERO, new Samples.Sampling(3, 50, Duration.ofMinutes(1)), calls::incrementAndGet);
        assertThat(timed.count()).isEqualTo(50);
        assertThat(calls.get()).as("one warm-up call, then the timed ones").isEqualTo(51);
    }

    @Test
    void two_ways_are_timed_the_same_number_of_times_in_turn() {
        StringBuilder order = new StringBuilder();
        Samples.Pair pair = Samples.alternating(Duration.ZERO, new Samples.Sampling(2, 2, Duration.ofMinutes(1)),
                () -> order.append('o'), () -> order.append('b'));
        assertThat(order).hasToString("ob" + "obob");
        assertThat(pair.ours().count()).isEqualTo(2);
        assertThat(pair.baseline().count()).isEqualTo(2);
    }

    @Test
    void work_timed_after_a_write_is_timed_without_the_write() {
        StringBuilder order = new StringBuilder();
        Samples timed = Samples.timeAfter(Duration.ZERO, new Samples.Sampling(2, 2, Duration.ofMinutes(1)), () -> {
            order.append('w');
            sleep(50);
        }, () -> order.append('r'));
        assertThat(order).hasToString("wr" + "wrwr");
        assertThat(timed.percentile(100)).isLessThan(50);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void percentiles_are_read_from_the_sorted_samples() {
        Samples samples = Samples.of(5, 1, 4, 2, 3, 10, 9, 8, 7, 6);
        assertThat(samples.median()).isEqualTo(5);
        assertThat(samples.percentile(99)).isEqualTo(10);
        assertThat(samples.percentile(90)).isEqualTo(9);
    }

    @Test
    void a_sampling_that_cannot_time_anything_is_refused() {
        assertThatThrownBy(() -> new Samples.Sampling(0, 10, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Samples.Sampling(5, 4, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
