package org.unionanalytics.readmodel.batch;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** New rows for one table, collected over a batch of events and appended in one go. */
public final class AppendedRows implements StagedWrite {

    private final String table;
    private final List<Object[]> rows = new ArrayList<>();

    public AppendedRows(String table) {
        this.table = table;
    }

    /** Values in the table's column order. */
    public void add(Object... row) {
        rows.add(row);
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        if (rows.isEmpty()) {
            return Set.of();
        }
        writer.append(table, rows);
        rows.clear();
        return Set.of(table);
    }
}
