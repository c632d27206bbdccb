package org.unionanalytics.readmodel.areas;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * What one enterprise adds to its township's figures, as changes by day (the figures on a date are
 * the sums of the changes up to it). When anything about the enterprise changes, its contribution
 * is worked out again from its state and only the difference is written: simpler to get right than
 * a rule per event, as an enterprise's periods end with its own deregistration, its coverage or
 * its union's dissolution, whichever comes first.
 */
final class Contribution {

    static final Contribution NONE = new Contribution(new long[0], new long[0]);

    /** Ascending {@code epochDay * figures + figure} (days before 1970 are negative). */
    private final long[] keys;
    private final long[] deltas;

    private Contribution(long[] keys, long[] deltas) {
        this.keys = keys;
        this.deltas = deltas;
    }

    /** Receives changes by figure and day. */
    interface Changes {
        void add(Figure figure, long epochDay, long delta);
    }

    /** Hands {@code changes} what turns this contribution into {@code next}. */
    void differences(Contribution next, Changes changes) {
        int i = 0;
        int j = 0;
        while (i < keys.length || j < next.keys.length) {
            long key;
            long delta;
            if (j == next.keys.length || i < keys.length && keys[i] < next.keys[j]) {
                key = keys[i];
                delta = -deltas[i++];
            } else if (i == keys.length || next.keys[j] < keys[i]) {
                key = next.keys[j];
                delta = next.deltas[j++];
            } else {
                key = keys[i];
                delta = next.deltas[j++] - deltas[i++];
            }
            if (delta != 0) {
                changes.add(Figure.ALL[(int) Math.floorMod(key, Figure.ALL.length)], Math.floorDiv(key, Figure.ALL.length), delta);
            }
        }
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {

        private final TreeMap<Long, Long> changes = new TreeMap<>();

        /** Counts {@code value} from {@code from} (inclusive) until {@code until} (exclusive; null: for good). */
        Builder during(Figure figure, LocalDate from, LocalDate until, long value) {
            if (until == null || until.isAfter(from)) {
                add(figure, from, value);
                if (until != null) {
                    add(figure, until, -value);
                }
            }
            return this;
        }

        Builder add(Figure figure, LocalDate on, long delta) {
            changes.merge(on.toEpochDay() * Figure.ALL.length + figure.ordinal(), delta, Long::sum);
            return this;
        }

        Contribution build() {
            long[] keys = new long[changes.size()];
            long[] deltas = new long[changes.size()];
            int n = 0;
            for (var change : changes.entrySet()) {
                if (change.getValue() != 0) {
                    keys[n] = change.getKey();
                    deltas[n++] = change.getValue();
                }
            }
            return n == 0 ? NONE : new Contribution(Arrays.copyOf(keys, n), Arrays.copyOf(deltas, n));
        }
    }
}
