package org.unionanalytics.readmodel.batch;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** Writes rows through DuckDB's Appender, the fast path for many (row-by-row INSERTs are 250 times slower); {@link BatchWriter} writes a lone row itself. */
final class Appending {

    private static final int MONEY_SCALE = 2;

    private Appending() {
    }

    static void append(DuckDBConnection connection, String table, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (Object[] row : rows) {
                appender.beginRow();
                for (Object value : row) {
                    appendValue(appender, value);
                }
                appender.endRow();
            }
        }
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
    }

    private static void appendValue(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String s) {
            appender.append(s);
        } else if (value instanceof LocalDate d) {
            appender.append(d);
        } else if (value instanceof Long l) {
            appender.append(l.longValue());
        } else if (value instanceof Integer i) {
            appender.append(i.intValue());
        } else if (value instanceof Boolean flag) {
            appender.append(flag.booleanValue());
        } else if (value instanceof BigDecimal b) {
            // the Appender refuses a decimal whose scale differs from the column's; money is DECIMAL(18, 2),
            // and the domain allows at most two decimals, so this never rounds
            appender.append(money(b));
        } else if (value instanceof OffsetDateTime t) {
            appender.append(t);
        } else if (value instanceof Enum<?> e) {
            appender.append(e.name());
        } else {
            throw new IllegalArgumentException("no read-model column type for " + value.getClass().getName());
        }
    }
}
