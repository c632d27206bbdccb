package org.unionanalytics.readmodel.cube;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled cube query: one statement, or one per period of a series, whose rows are then put
 * in order and cut to the limit the way the single statement's ORDER BY and LIMIT would.
 */
public record CompiledCube(List<CompiledQuery> statements, List<OrderTerm> order, int limit, int offset) {

    /** The cubes' SQL names every table it reads after FROM or JOIN, never in a comma-separated list. */
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)\\b");

    /** The read-model tables the statements read. */
    public Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        for (CompiledQuery statement : statements) {
            Matcher table = TABLE.matcher(statement.sql());
            while (table.find()) {
                tables.add(table.group(1));
            }
        }
        return tables;
    }

    /** An output column to order by; nulls come last either way. */
    public record OrderTerm(String column, boolean descending) {

        String sql() {
            return "\"" + column + "\"" + (descending ? " DESC" : " ASC") + " NULLS LAST";
        }
    }
}
