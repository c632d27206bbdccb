package org.unionanalytics.readmodel.areas;

import org.unionanalytics.readmodel.batch.BatchWriter;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Adds a batch's changes to each township's totals ({@code area_totals}): the sums of all its
 * changes and the day of its last one, which answer any date no earlier than the last change of
 * every township. A live batch changes a township or two, updated in place by one statement each;
 * a larger batch is staged and merged by three. The table has no key: an upsert through a primary
 * key took 5 ms a row here, an update of its 154 rows 2.
 */
final class AreaTotals {

    static final String TABLE = "area_totals";
    /** Townships a batch may change and still have them updated one by one. */
    private static final int ONE_BY_ONE = 8;
    private static final String UPDATE_ONE = "UPDATE " + TABLE + " SET " + added("", column -> "?") + " WHERE tid = ?";
    private static final String MERGE = "UPDATE " + TABLE + " t SET " + added("t.", column -> "n." + column)
            + " FROM new_area_totals n WHERE t.tid = n.tid";
    private static final String ADD_NEW = "INSERT INTO " + TABLE + " SELECT * FROM new_area_totals n"
            + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " t WHERE t.tid = n.tid)";

    private AreaTotals() {
    }

    /** @param byDay the batch's changes, keyed as {@link AreaChanges} keys them (township and day) */
    static void add(BatchWriter writer, Map<Long, long[]> byDay) throws SQLException {
        Map<Integer, Object[]> byTownship = new HashMap<>();
        byDay.forEach((key, figures) -> {
            Object[] row = byTownship.computeIfAbsent(AreaChanges.township(key), AreaTotals::nothingYet);
            LocalDate day = AreaChanges.day(key);
            if (day.isAfter((LocalDate) row[1])) {
                row[1] = day;
            }
            for (int i = 0; i < figures.length; i++) {
                row[2 + i] = (long) row[2 + i] + figures[i];
            }
        });
        List<Object[]> rows = new ArrayList<>(byTownship.values());
        if (rows.size() > ONE_BY_ONE) {
            writer.append("new_area_totals", rows);
            writer.execute(MERGE);
            writer.execute(ADD_NEW);
            writer.execute("DELETE FROM new_area_totals");
            return;
        }
        for (Object[] row : rows) {
            if (writer.execute(UPDATE_ONE, updateValues(row)) == 0) {
                writer.append(TABLE, List.<Object[]>of(row));
            }
        }
    }

    /** A township's row before the batch's changes are added: its number, its last day of change, its sums by figure. */
    private static Object[] nothingYet(int township) {
        Object[] row = new Object[2 + Figure.ALL.length];
        row[0] = township;
        row[1] = LocalDate.MIN;
        Arrays.fill(row, 2, row.length, 0L);
        return row;
    }

    /** SET clauses adding to the totals: the later last change, each figure's sum; {@code increment} names what is added. */
    private static String added(String current, Function<String, String> increment) {
        return "last_change = greatest(" + current + "last_change, " + increment.apply("last_change") + "), "
                + Arrays.stream(Figure.ALL).map(Figure::column)
                .map(column -> column + " = " + current + column + " + " + increment.apply(column))
                .collect(Collectors.joining(", "));
    }

    /** UPDATE_ONE's values: the last day, the sums, then the township. */
    private static Object[] updateValues(Object[] row) {
        Object[] values = new Object[row.length];
        System.arraycopy(row, 1, values, 0, row.length - 1);
        values[row.length - 1] = row[0];
        return values;
    }
}
