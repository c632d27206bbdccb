package org.unionanalytics.readmodel.cube;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fact columns a question reads, so that the compiler keeps only the joins that supply them
 * (as Cube and Hasura do): a proposals question by industry never joins unions, a question about
 * covered enterprises never aggregates workforce reports. DuckDB cannot drop an unused outer join
 * by itself, and such joins made cubes two to three times slower than the plain question.
 *
 * <p>A fragment marks what can be left out as a section {@code [[col1,col2: sql]]}, kept when any
 * of its columns is needed; {@code [[cols: sql]otherwise[cheaper sql]]} gives what to use instead.
 * Needed are the columns that the question's members read from the fact row ({@code f.column}),
 * {@code known_at} when the question is asked as known at a position, and every word the cube's own
 * source names outside its sections or in the sections those columns keep.
 */
final class NeededColumns {

    static final Pattern SECTION = Pattern.compile("\\[\\[([a-z_,]+)\\s*:(.*?)(?:]otherwise\\[(.*?))?]]", Pattern.DOTALL);
    /** Needed by every question asked as known at a position: facts kept without positions cannot answer it. */
    static final String KNOWN_AT = "known_at";
    private static final Pattern FACT_COLUMN = Pattern.compile("\\bf\\.([a-z_]+)");
    private static final Pattern WORD = Pattern.compile("[a-z_]+");

    private final Set<String> columns = new HashSet<>();
    private final Map<String, String> decided = new HashMap<>();

    NeededColumns(Cube cube, CubeQuery query) {
        query.dimensions().forEach(name -> read(cube, name));
        query.timeDimensions().forEach(time -> read(cube, time.dimension()));
        query.measures().forEach(name -> read(cube, name));
        readFilter(cube, query.where());
        if (query.knownAt() != null) {
            columns.add(KNOWN_AT);
        }
        add(WORD, SECTION.matcher(cube.source()).replaceAll(section -> Matcher.quoteReplacement(chosen(section))), 0);
    }

    /**
     * The text a section leaves in the SQL: its own when needed, else what it gives instead (or
     * nothing). Decided once per section: the words a chosen text adds must not turn the choice.
     */
    String chosen(MatchResult section) {
        return decided.computeIfAbsent(section.group(), text -> {
            if (anyOf(section.group(1))) {
                return section.group(2);
            }
            return section.group(3) == null ? "" : section.group(3);
        });
    }

    /** Whether a section's comma-separated columns include a needed one. */
    boolean anyOf(String sectionColumns) {
        for (String column : sectionColumns.split(",")) {
            if (columns.contains(column)) {
                return true;
            }
        }
        return false;
    }

    private void readFilter(Cube cube, Filter filter) {
        if (filter instanceof Filter.And and) {
            and.all().forEach(f -> readFilter(cube, f));
        } else if (filter instanceof Filter.Or or) {
            or.any().forEach(f -> readFilter(cube, f));
        } else if (filter instanceof Filter.Condition condition) {
            read(cube, condition.member());
        }
    }

    private void read(Cube cube, String member) {
        cube.member(member).ifPresent(m -> add(FACT_COLUMN, m.sql(), 1));
    }

    private void add(Pattern pattern, String sql, int group) {
        Matcher matcher = pattern.matcher(sql);
        while (matcher.find()) {
            columns.add(matcher.group(group));
        }
    }
}
