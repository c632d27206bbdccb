package org.unionanalytics.readmodel.batch;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Later changes to rows of an entity table (a union dissolved, a proposal adopted). Changes to the
 * same row within a batch are merged in memory, the latest value of a column winning; the merged
 * changes are appended to a staging table and applied with one set-based UPDATE ... FROM.
 * Values are never null: a column is changed to a value, or left alone.
 */
public final class EntityUpdates implements StagedWrite {

    private final String table;
    private final String idColumn;
    private final List<String> columns;
    private final Map<String, Object[]> changes = new LinkedHashMap<>();
    /** Columns set once: a later value leaves them as they are. */
    private final Set<String> keptFirst = new HashSet<>();

    public EntityUpdates(String table, String idColumn, List<String> columns) {
        this.table = table;
        this.idColumn = idColumn;
        this.columns = List.copyOf(columns);
    }

    /** The named columns keep the first value they are set to (a proposal's first promotion). */
    public EntityUpdates keepingFirst(String... columns) {
        keptFirst.addAll(List.of(columns));
        return this;
    }

    private String stage() {
        return "stage_" + table;
    }

    /** Creates the staging table; called once when the read model opens. */
    public void prepare(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS " + stage() + " AS SELECT " + idColumn + ", "
                + String.join(", ", columns) + " FROM " + table + " LIMIT 0");
    }

    public void set(String id, String column, Object value) {
        int index = columns.indexOf(column);
        if (index < 0 || value == null) {
            throw new IllegalArgumentException("cannot set " + column + " of " + table + " to " + value);
        }
        Object[] row = changes.computeIfAbsent(id, key -> {
            Object[] fresh = new Object[columns.size() + 1];
            fresh[0] = key;
            return fresh;
        });
        if (row[index + 1] == null || !keptFirst.contains(column)) {
            row[index + 1] = value;
        }
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        if (changes.isEmpty()) {
            return Set.of();
        }
        writer.append(stage(), new ArrayList<>(changes.values()));
        String assignments = columns.stream().map(c -> keptFirst.contains(c) ? c + " = COALESCE(t." + c + ", s." + c + ")"
                        : c + " = COALESCE(s." + c + ", t." + c + ")")
                .collect(Collectors.joining(", "));
        writer.execute("UPDATE " + table + " AS t SET " + assignments + " FROM " + stage() + " AS s WHERE t."
                + idColumn + " = s." + idColumn);
        writer.execute("DELETE FROM " + stage());
        changes.clear();
        return Set.of(table);
    }
}
