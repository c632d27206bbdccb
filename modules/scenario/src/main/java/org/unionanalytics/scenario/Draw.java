package org.unionanalytics.scenario;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** The generator's only source of chance: one seeded stream, used in a fixed order, so a seed gives one history. */
final class Draw {

    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    int between(int from, int to) {
        return random.nextInt(from, to + 1);
    }

    double fraction() {
        return random.nextDouble();
    }

    LocalDate date(LocalDate from, LocalDate to) {
        return from.plusDays(random.nextLong(to.toEpochDay() - from.toEpochDay() + 1));
    }

    /** Index of a weighted choice. */
    int weighted(double[] cumulative) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }

    /** Splits {@code total} into parts proportional to {@code weights}, exactly (largest remainder). */
    static long[] apportion(long total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        long[] parts = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (long) Math.floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(remainders[b], remainders[a]) != 0
                ? Double.compare(remainders[b], remainders[a]) : Integer.compare(a, b));
        for (int i = 0; given < total; i = (i + 1) % order.length) {
            parts[order[i]]++;
            given++;
        }
        return parts;
    }
}
