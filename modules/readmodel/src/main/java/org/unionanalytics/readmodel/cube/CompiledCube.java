package org.unionanalytics.readmodel.cube;

import java.util.List;

/**
 * A compiled cube query: one statement, or one per period of a series, whose rows are then put
 * in order and cut to the limit the way the single statement's ORDER BY and LIMIT would.
 */
public record CompiledCube(List<CompiledQuery> statements, List<OrderTerm> order, int limit, int offset) {

    /** An output column to order by; nulls come last either way. */
    public record OrderTerm(String column, boolean descending) {

        String sql() {
            return "\"" + column + "\"" + (descending ? " DESC" : " ASC") + " NULLS LAST";
        }
    }
}
