package org.unionanalytics.readmodel.query;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Result rows as maps from column label to value, dates as {@link LocalDate}, money as plain strings. */
final class Rows {

    private Rows() {
    }

    static List<Map<String, Object>> all(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), value(rows, i, meta.getColumnType(i)));
            }
            result.add(row);
        }
        return result;
    }

    private static Object value(ResultSet rows, int column, int type) throws SQLException {
        if (type == Types.DATE) {
            return rows.getObject(column, LocalDate.class);
        }
        if (type == Types.TIMESTAMP_WITH_TIMEZONE) {
            return rows.getObject(column, OffsetDateTime.class);
        }
        Object value = rows.getObject(column);
        return value instanceof BigDecimal money ? money.toPlainString() : value;
    }
}
