package org.unionanalytics.readmodel.cube;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL ready to run: its text holds only the server's own SQL and placeholders; every value from
 * the query travels in {@code parameters}.
 */
public record CompiledQuery(String sql, List<Object> parameters) {

    /** Binds the parameters to {@code statement}, prepared from {@link #sql}. */
    public void bind(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
    }
}
