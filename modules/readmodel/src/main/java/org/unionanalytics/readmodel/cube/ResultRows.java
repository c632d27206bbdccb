package org.unionanalytics.readmodel.cube;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of a question's result, read as values and handed out as the API's rows: {@code d_name}
 * and {@code m_name} columns under their member's name, {@code t_name_granularity} nested under
 * its time dimension, dates as {@link LocalDate}, money as a plain string. What each column
 * becomes is worked out once per result, not once per value (35,779 rows of five columns: 10-11
 * ms to build instead of 15-18 when each value's label was taken apart).
 */
final class ResultRows {

    private final List<Column> columns;
    private final int topLevelEntries;
    /** The column a statement over kept totals adds: the day of the last change they hold. */
    static final String LAST_CHANGE = "g_lastChange";

    private final List<Object[]> rows = new ArrayList<>();
    private LocalDate lastChange;

    private ResultRows(List<Column> columns) {
        this.columns = columns;
        this.topLevelEntries = (int) columns.stream().map(column -> column.under() == null ? column.name() : column.under())
                .distinct().count();
    }

    /**
     * Reads every row of {@code result}. A statement over kept totals ends with a {@code g_lastChange}
     * column, which is not the question's: the day of the last change the totals hold.
     */
    static ResultRows read(ResultSet result) throws SQLException {
        ResultSetMetaData meta = result.getMetaData();
        List<Column> columns = new ArrayList<>();
        int guard = -1;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (meta.getColumnLabel(i).equals(LAST_CHANGE)) {
                guard = i;
            } else {
                columns.add(Column.of(i, meta.getColumnLabel(i), meta.getColumnType(i)));
            }
        }
        ResultRows rows = new ResultRows(columns);
        while (result.next()) {
            Object[] values = new Object[columns.size()];
            for (int i = 0; i < values.length; i++) {
                Column column = columns.get(i);
                values[i] = column.read().value(result, column.position());
            }
            rows.rows.add(values);
            if (guard > 0) {
                rows.lastChange = result.getObject(guard, LocalDate.class);
            }
        }
        return rows;
    }

    /** For a statement over kept totals, the day of the last change they hold; null without rows. */
    LocalDate lastChange() {
        return lastChange;
    }

    /** Adds the rows of another statement of the same question (a series asks one per period). */
    void addAll(ResultRows other) {
        rows.addAll(other.rows);
    }

    /** Orders the rows as the question asks: its order terms name columns of the result. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    void sort(List<CompiledCube.OrderTerm> terms) {
        Comparator<Object[]> order = (a, b) -> 0;
        for (CompiledCube.OrderTerm term : terms) {
            int index = indexOf(term.column());
            Comparator<Comparable> values = term.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = order.thenComparing(row -> (Comparable) row[index], Comparator.nullsLast(values));
        }
        rows.sort(order);
    }

    private int indexOf(String label) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new IllegalStateException("the result has no column " + label + " to order by");
    }

    /** The API's rows from {@code offset}, at most {@code limit} of them. */
    List<Map<String, Object>> page(int offset, int limit) {
        int from = Math.min(offset, rows.size());
        return rows.subList(from, Math.min(from + limit, rows.size())).stream().map(this::apiRow).toList();
    }

    List<Map<String, Object>> all() {
        return page(0, rows.size());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apiRow(Object[] values) {
        Map<String, Object> row = new LinkedHashMap<>(capacity(topLevelEntries));
        for (int i = 0; i < values.length; i++) {
            Column column = columns.get(i);
            // money stays a number while rows are ordered, and leaves as a plain string
            Object value = values[i] instanceof BigDecimal money ? money.toPlainString() : values[i];
            if (column.under() == null) {
                row.put(column.name(), value);
            } else {
                ((Map<String, Object>) row.computeIfAbsent(column.under(), name -> new LinkedHashMap<>(capacity(2))))
                        .put(column.name(), value);
            }
        }
        return row;
    }

    private static int capacity(int entries) {
        return (int) (entries / 0.75f) + 1;
    }

    /**
     * An output column: where it is in the result, its label in the SQL, the name it has in a row,
     * the time dimension it nests under (or null).
     */
    private record Column(int position, String label, String name, String under, Read read) {

        static Column of(int position, String label, int sqlType) {
            String name = label.substring(2);
            if (!label.startsWith("t_")) {
                return new Column(position, label, name, null, sqlType == Types.DATE ? Read.DATE : Read.AS_IS);
            }
            int split = name.lastIndexOf('_');
            String unit = name.substring(split + 1);
            Read read = sqlType == Types.DATE ? Read.DATE : Read.firstDays(Granularity.ofUnit(unit));
            return new Column(position, label, unit, name.substring(0, split), read);
        }
    }

    /** How a column's values are read: a time bucket counted in periods comes back as the first day of its period. */
    @FunctionalInterface
    private interface Read {
        Read DATE = (rows, column) -> rows.getObject(column, LocalDate.class);
        Read AS_IS = ResultSet::getObject;

        Object value(ResultSet rows, int column) throws SQLException;

        static Read firstDays(Granularity granularity) {
            return (rows, column) -> {
                long bucket = rows.getLong(column);
                return rows.wasNull() ? null : granularity.firstDayOf(bucket);
            };
        }
    }
}
