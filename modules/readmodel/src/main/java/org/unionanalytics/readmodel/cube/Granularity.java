package org.unionanalytics.readmodel.cube;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Buckets of a time dimension; each value is the first day of its bucket (weeks start on Monday). */
public enum Granularity {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The unit as DuckDB's date_trunc and INTERVAL spell it; a fixed word, never client text. */
    String unit() {
        return name().toLowerCase();
    }

    /** The first day of the period holding {@code date}. */
    LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(DayOfWeek.MONDAY);
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> date.withDayOfMonth(1).withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
            case YEAR -> date.withDayOfYear(1);
        };
    }

    /** The first day of the next period. */
    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
