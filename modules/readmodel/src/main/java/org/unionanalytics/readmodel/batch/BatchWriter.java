package org.unionanalytics.readmodel.batch;

import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The projector's connection as staged writes use it, keeping every statement they run prepared
 * from one batch to the next. While writes trickle in, a batch holds an event or two, and DuckDB's
 * planning was most of its cost: an Appender plans an insert at each flush (3.3 ms for one row,
 * against 1.1 ms for a kept {@code INSERT}), and preparing a statement afresh cost nearly as much as
 * running it. Used by the projector's writing thread only.
 */
public final class BatchWriter implements AutoCloseable {

    private final DuckDBConnection connection;
    private final Map<String, PreparedStatement> kept = new HashMap<>();

    public BatchWriter(DuckDBConnection connection) {
        this.connection = connection;
    }

    /** For the rare statements not worth keeping (a compaction's temporary table). */
    public DuckDBConnection connection() {
        return connection;
    }

    /** Appends rows, each its values in the table's column order: one through a kept INSERT, more through the Appender. */
    public void append(String table, List<Object[]> rows) throws SQLException {
        if (rows.size() != 1) {
            Appending.append(connection, table, rows);
            return;
        }
        Object[] row = rows.get(0);
        execute("INSERT INTO " + table + " VALUES (?" + ", ?".repeat(row.length - 1) + ")", row);
    }

    /** Runs {@code sql} with {@code values} bound in order; answers the rows it changed. */
    public int execute(String sql, Object... values) throws SQLException {
        PreparedStatement statement = statement(sql);
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, bound(values[i]));
        }
        return statement.executeUpdate();
    }

    private PreparedStatement statement(String sql) throws SQLException {
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
        }
        return statement;
    }

    /** As the Appender writes it: enums by name, money at the columns' scale. */
    private static Object bound(Object value) {
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof BigDecimal money) {
            return Appending.money(money);
        }
        return value;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : kept.values()) {
            statement.close();
        }
        kept.clear();
    }
}
