package org.unionanalytics.readmodel.cube;

/** Buckets of a time dimension; each value is the first day of its bucket (weeks start on Monday). */
public enum Granularity {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The unit as DuckDB's date_trunc and INTERVAL spell it; a fixed word, never client text. */
    String unit() {
        return name().toLowerCase();
    }
}
