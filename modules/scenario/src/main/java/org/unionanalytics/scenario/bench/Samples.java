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
            long started = System.nanoTime();
            work.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        return new Samples(millis);
    }
}
