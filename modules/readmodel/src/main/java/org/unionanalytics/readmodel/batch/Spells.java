package org.unionanalytics.readmodel.batch;

import org.duckdb.DuckDBConnection;
import org.unionanalytics.readmodel.projection.Recorded;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Periods during which a subject belongs to a union: a member's membership, an enterprise's
 * coverage. Table layout: (subject, union_id, started_on, ended_on, started_pos, ended_pos, recorded_at).
 * A subject has at most one open spell. Spells opened in this batch are closed in memory; the
 * stored open spell of a subject is closed by one set-based UPDATE before the new spells are
 * appended, so a join, a transfer and a leave in one batch land in order.
 */
public final class Spells implements StagedWrite {

    private final String table;
    private final String subjectColumn;
    private final List<Object[]> opened = new ArrayList<>();
    private final Map<String, Object[]> openInBatch = new HashMap<>();
    private final Map<String, Object[]> closeStored = new LinkedHashMap<>();

    public Spells(String table, String subjectColumn) {
        this.table = table;
        this.subjectColumn = subjectColumn;
    }

    private String stage() {
        return "stage_" + table;
    }

    public void prepare(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS " + stage() + " AS SELECT " + subjectColumn
                + ", ended_on, ended_pos FROM " + table + " LIMIT 0");
    }

    /**
     * Opens a spell; an open spell of the same subject, if any, ends on the same day. The first
     * event of a subject's aggregate has no stored spell to end, which spares the set-based close
     * for nearly every member of an import or a rebuild.
     */
    public void open(String subject, String unionId, LocalDate on, Recorded recorded) {
        if (!recorded.firstOfAggregate()) {
            close(subject, on, recorded.position());
        }
        Object[] row = {subject, unionId, on, null, recorded.position(), null, recorded.at()};
        opened.add(row);
        openInBatch.put(subject, row);
    }

    public void close(String subject, LocalDate on, long position) {
        Object[] open = openInBatch.remove(subject);
        if (open != null) {
            open[3] = on;
            open[5] = position;
        } else {
            closeStored.putIfAbsent(subject, new Object[]{subject, on, position});
        }
    }

    @Override
    public void flush(DuckDBConnection connection) throws SQLException {
        if (!closeStored.isEmpty()) {
            Appending.append(connection, stage(), new ArrayList<>(closeStored.values()));
            try (Statement statement = connection.createStatement()) {
                statement.execute("UPDATE " + table + " AS t SET ended_on = s.ended_on, ended_pos = s.ended_pos FROM "
                        + stage() + " AS s WHERE t." + subjectColumn + " = s." + subjectColumn
                        + " AND t.ended_on IS NULL");
                statement.execute("DELETE FROM " + stage());
            }
        }
        Appending.append(connection, table, opened);
        opened.clear();
        openInBatch.clear();
        closeStored.clear();
    }
}
