package org.unionanalytics.readmodel.areas;

import org.duckdb.DuckDBConnection;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.BatchWriter;
import org.unionanalytics.readmodel.batch.Compaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A batch's changes of the township figures, written by day to {@code area_changes}, summed by
 * month to {@code area_months} and by year to {@code area_years}, and added to each township's
 * totals in {@code area_totals}. A date's figures are the years
 * before its own, the months of its year before its month and the days of its month up to it: a
 * few thousand rows at scale 1 instead of 330,000 (most townships have enterprises registered on
 * thousands of days since the 1980s); summing 49,000 months took twice as long as 3,700 years.
 */
final class AreaChanges {

    static final List<String> TABLES = List.of("area_changes", "area_months", "area_years");
    private static final Set<String> CHANGED = Stream.concat(TABLES.stream(), Stream.of(AreaTotals.TABLE))
            .collect(Collectors.toUnmodifiableSet());
    /** Fewer rows than this are not worth compacting. */
    private static final long COMPACT_FROM = 100_000;

    /** Key: township << 32 | epoch day (the low half is signed again when read); values by figure. */
    private final Map<Long, long[]> byDay = new HashMap<>();
    /** Rows of area_changes after its last compaction, and appended since. */
    private long compactedRows;
    private long appendedRows;

    void add(int township, Figure figure, long epochDay, long delta) {
        byDay.computeIfAbsent(key(township, epochDay), key -> new long[Figure.ALL.length])[figure.ordinal()] += delta;
    }

    /** Forgets what was not written, and learns how many rows the tables hold. */
    void reset(Statement statement) throws SQLException {
        byDay.clear();
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM area_changes")) {
            rows.next();
            compactedRows = rows.getLong(1);
        }
        appendedRows = 0;
    }

    /** Writes the batch's changes; the tables change only if some figure of some township did. */
    Set<String> flush(BatchWriter writer) throws SQLException {
        if (byDay.isEmpty()) {
            return Set.of();
        }
        append(writer, "area_changes", byDay);
        append(writer, "area_months", summed(day -> day.withDayOfMonth(1)));
        append(writer, "area_years", summed(day -> day.withDayOfYear(1)));
        AreaTotals.add(writer, byDay);
        appendedRows += byDay.size();
        byDay.clear();
        if (appendedRows > Math.max(compactedRows, COMPACT_FROM)) {
            compact(writer.connection());
        }
        return CHANGED;
    }

    /**
     * Each batch appends its own changes, so a township's day gathers rows over time; once the rows
     * appended outnumber those left by the last compaction, they are summed into one per township
     * and day (and month), ordered by date as the queries read them, in the batch's transaction.
     */
    void compact(DuckDBConnection connection) throws SQLException {
        List<String> figures = Arrays.stream(Figure.ALL).map(Figure::column).toList();
        for (String table : TABLES) {
            int rows = Compaction.compact(connection, table, List.of("tid", "on_date"), figures, "on_date, tid");
            if (table.equals("area_changes")) {
                compactedRows = rows;
            }
        }
        appendedRows = 0;
    }

    /** The batch's changes summed by township and period, each period named by its first day. */
    private Map<Long, long[]> summed(UnaryOperator<LocalDate> periodOf) {
        Map<Long, long[]> byPeriod = new HashMap<>();
        byDay.forEach((key, figures) -> {
            long period = key(township(key), periodOf.apply(day(key)).toEpochDay());
            long[] sums = byPeriod.computeIfAbsent(period, k -> new long[Figure.ALL.length]);
            for (int i = 0; i < figures.length; i++) {
                sums[i] += figures[i];
            }
        });
        return byPeriod;
    }

    private static void append(BatchWriter writer, String table, Map<Long, long[]> changes) throws SQLException {
        AppendedRows rows = new AppendedRows(table);
        changes.forEach((key, figures) -> {
            Object[] row = new Object[2 + figures.length];
            row[0] = township(key);
            row[1] = day(key);
            for (int i = 0; i < figures.length; i++) {
                row[2 + i] = figures[i];
            }
            rows.add(row);
        });
        rows.flush(writer);
    }

    private static long key(int township, long epochDay) {
        return (long) township << 32 | (epochDay & 0xFFFF_FFFFL);
    }

    static int township(long key) {
        return (int) (key >>> 32);
    }

    static LocalDate day(long key) {
        return LocalDate.ofEpochDay((int) key);
    }
}
