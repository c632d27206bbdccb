package org.unionanalytics.scenario.bench;

import java.time.Duration;
import java.util.Arrays;

/** Measured durations, summarised the way BENCHMARKS.md quotes them. */
public final class Samples {

    private final double[] millis;

    private Samples(double[] millis) {
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    public static Samples of(double... millis) {
        return new Samples(millis);
    }

    public double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * millis.length) - 1;
        return millis[Math.max(0, Math.min(millis.length - 1, index))];
    }

    public double median() {
        return percentile(50);
    }

    /** How many calls were timed. */
    public int count() {
        return millis.length;
    }

    /**
     * How many calls to time: at least {@code least}, and more until {@code budget} has passed or
     * {@code most} are timed. A p99 of 30 calls is simply the slowest one; a fast question gets
     * hundreds in the same budget.
     */
    public record Sampling(int least, int most, Duration budget) {
        public Sampling {
            if (least < 1 || most < least) {
                throw new IllegalArgumentException("time at least one call, and at most no fewer than the least");
            }
        }

        boolean more(int taken, long startedNanos) {
            return taken < least || (taken < most && System.nanoTime() - startedNanos < budget.toNanos());
        }
    }

    /**
     * Times calls of {@code work}, after calling it untimed for {@code warmup}: a server's request
     * path takes some hundreds of calls (seconds) before the JIT has compiled it.
     */
    public static Samples time(Duration warmup, Sampling sampling, Runnable work) {
        return timeAfter(warmup, sampling, () -> { }, work);
    }

    /**
     * Times calls of {@code work}, each right after an untimed call of {@code before} (a write that
     * the answer timed must then reflect), after calling both for {@code warmup}.
     */
    public static Samples timeAfter(Duration warmup, Sampling sampling, Runnable before, Runnable work) {
        warm(warmup, () -> {
            before.run();
            work.run();
        });
        double[] millis = new double[sampling.most()];
        int taken = 0;
        for (long started = System.nanoTime(); sampling.more(taken, started); taken++) {
            before.run();
            millis[taken] = millisOf(work);
        }
        return new Samples(Arrays.copyOf(millis, taken));
    }

    /**
     * Times two ways of doing the same work in turn, call for call, after warming both up, so that
     * both meet the same state of a shared machine (caches, other load, drift) and their ratio is fair.
     */
    public static Pair alternating(Duration warmup, Sampling sampling, Runnable ours, Runnable baseline) {
        warm(warmup, ours, baseline);
        double[] oursMillis = new double[sampling.most()];
        double[] baselineMillis = new double[sampling.most()];
        int taken = 0;
        for (long started = System.nanoTime(); sampling.more(taken, started); taken++) {
            oursMillis[taken] = millisOf(ours);
            baselineMillis[taken] = millisOf(baseline);
        }
        return new Pair(new Samples(Arrays.copyOf(oursMillis, taken)), new Samples(Arrays.copyOf(baselineMillis, taken)));
    }

    /** Two series timed in turn; the ratio of their medians. */
    public record Pair(Samples ours, Samples baseline) {
        public double ratio() {
            return ours.median() / baseline.median();
        }
    }

    /** Calls each of the works in turn until {@code warmup} has passed, each at least once. */
    private static void warm(Duration warmup, Runnable... works) {
        long until = System.nanoTime() + warmup.toNanos();
        do {
            for (Runnable work : works) {
                work.run();
            }
        } while (System.nanoTime() < until);
    }

    private static double millisOf(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }
}
