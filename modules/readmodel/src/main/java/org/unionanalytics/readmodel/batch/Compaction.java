package org.unionanalytics.readmodel.batch;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sums a table of appended changes into one row per key, dropping the keys whose changes cancel
 * out, in the batch's transaction: tables that each batch appends to instead of updating (an update
 * through an index cost more than the batch) grow until this runs.
 */
public final class Compaction {

    private Compaction() {
    }

    /**
     * @param keys   the key columns, first in the table and in its order
     * @param summed the other columns, in the table's order
     * @param order  how the rows are stored, as queries read them
     * @return the rows left
     */
    public static int compact(Connection connection, String table, List<String> keys, List<String> summed, String order)
            throws SQLException {
        String sums = summed.stream().map(column -> "sum(" + column + ")").collect(Collectors.joining(", "));
        String nonZero = summed.stream().map(column -> "sum(" + column + ") <> 0").collect(Collectors.joining(" OR "));
        String key = String.join(", ", keys);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE compacted AS SELECT " + key + ", " + sums + " FROM " + table
                    + " GROUP BY " + key + " HAVING " + nonZero + " ORDER BY " + order);
            statement.execute("DELETE FROM " + table);
            int rows = statement.executeUpdate("INSERT INTO " + table + " SELECT * FROM compacted");
            statement.execute("DROP TABLE compacted");
            return rows;
        }
    }
}
