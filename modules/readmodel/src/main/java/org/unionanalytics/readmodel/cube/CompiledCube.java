package org.unionanalytics.readmodel.cube;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A compiled cube query: one statement, or one per period of a series, whose rows are then put
 * in order and cut to the limit the way the single statement's ORDER BY and LIMIT would; and for
 * a question that totals kept as of the last change can answer, the statement over them to try
 * first ({@code latest}, or null).
 */
public record CompiledCube(List<CompiledQuery> statements, List<OrderTerm> order, int limit, int offset,
                           Latest latest) {

    /** The question over kept totals, which answer it if their last change is no later than its date {@code on}. */
    public record Latest(CompiledQuery statement, LocalDate on) {

        /** Whether totals whose last change was on {@code lastChange} (null: none) answer the question. */
        boolean answers(LocalDate lastChange) {
            return lastChange != null && !lastChange.isAfter(on);
        }
    }

    /** The cubes' SQL names every table it reads after FROM or JOIN, never in a comma-separated list. */
    private static final Pattern TABLE = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_]+)\\b");

    /** The read-model tables the statements read. */
    public Set<String> tables() {
        Set<String> tables = new TreeSet<>();
        List<CompiledQuery> all = new ArrayList<>(statements);
        if (latest != null) {
            all.add(latest.statement());
        }
        for (CompiledQuery statement : all) {
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
