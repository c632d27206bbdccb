package org.unionanalytics.readmodel.cube;

import java.util.List;

/**
 * SQL ready to run: its text holds only the server's own SQL and placeholders; every value from
 * the query travels in {@code parameters}.
 */
public record CompiledQuery(String sql, List<Object> parameters) {
}
