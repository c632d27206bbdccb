package org.unionanalytics.scenario.bench;

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

    /** Times {@code runs} calls of {@code work}, after {@code warmup} untimed ones. */
    public static Samples time(int warmup, int runs, Runnable work) {
        for (int i = 0; i < warmup; i++) {
            work.run();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            millis[i] = millisOf(work);
        }
        return new Samples(millis);
    }

    /**
     * Times two ways of doing the same work in turn, call for call, after warming both up, so that
     * both meet the same state of a shared machine (caches, other load, drift) and their ratio is fair.
     */
    public static Pair alternating(int warmup, int runs, Runnable ours, Runnable baseline) {
        for (int i = 0; i < warmup; i++) {
            ours.run();
            baseline.run();
        }
        double[] oursMillis = new double[runs];
        double[] baselineMillis = new double[runs];
        for (int i = 0; i < runs; i++) {
            oursMillis[i] = millisOf(ours);
            baselineMillis[i] = millisOf(baseline);
        }
        return new Pair(new Samples(oursMillis), new Samples(baselineMillis));
    }

    /** Two series timed in turn; the ratio of their medians. */
    public record Pair(Samples ours, Samples baseline) {
        public double ratio() {
            return ours.median() / baseline.median();
        }
    }

    private static double millisOf(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }
}
