package org.unionanalytics.readmodel.cube;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;

/** Buckets of a time dimension; each value is the first day of its bucket (weeks start on Monday). */
public enum Granularity {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The unit as clients and result labels spell it. */
    String unit() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The granularity a client or a result label names by its unit ("quarter"). */
    public static Granularity ofUnit(String unit) {
        return valueOf(unit.toUpperCase(Locale.ROOT));
    }

    /**
     * The bucket of {@code day} (a DATE in SQL) in the form DuckDB groups fastest: the first day of
     * a week, the day itself, or a count of months, quarters or years that {@link #firstDayOf} turns
     * back into a date. date_trunc gives a TIMESTAMP for every row instead: grouping 363,000
     * proposals by industry and year took 18% longer, by month 12%.
     */
    Sql bucket(Sql day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> new Sql().append(day).append(" - CAST(isodow(").append(day).append(") - 1 AS INTEGER)");
            case MONTH -> months(day);
            case QUARTER -> new Sql().append("(").append(months(day)).append(") // 3");
            case YEAR -> new Sql().append("year(").append(day).append(")");
        };
    }

    private static Sql months(Sql day) {
        return new Sql().append("year(").append(day).append(") * 12 + month(").append(day).append(") - 1");
    }

    /** The first day of a bucket that SQL counted in months, quarters or years. */
    LocalDate firstDayOf(long bucket) {
        long months = switch (this) {
            case MONTH -> bucket;
            case QUARTER -> bucket * 3;
            case YEAR -> bucket * 12;
            case DAY, WEEK -> throw new IllegalStateException(this + " buckets are dates already");
        };
        return LocalDate.of(Math.toIntExact(Math.floorDiv(months, 12)), (int) Math.floorMod(months, 12) + 1, 1);
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
