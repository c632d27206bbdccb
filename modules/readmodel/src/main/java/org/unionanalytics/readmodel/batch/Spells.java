package org.unionanalytics.readmodel.batch;

import org.unionanalytics.readmodel.projection.Recorded;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** Where each union's count of open spells changes, by day; null when the spells keep none. */
    private final String changesTable;
    private final DayChanges observer;
    private final List<Object[]> opened = new ArrayList<>();
    private final Map<String, Object[]> openInBatch = new HashMap<>();
    private final Map<String, Object[]> closeStored = new LinkedHashMap<>();
    /** Subjects whose stored spell this batch closes without an event naming its union. */
    private final Set<String> closedInUnknownUnion = new HashSet<>();
    /** Per (union, day): spells begun minus spells ended in this batch. */
    private final Map<List<Object>, int[]> changes = new HashMap<>();

    /** Told the batch's changes of open spells per union and day, as they are written. */
    public interface DayChanges {
        void changed(String unionId, LocalDate on, int delta);
    }

    public Spells(String table, String subjectColumn) {
        this(table, subjectColumn, null, (unionId, on, delta) -> { });
    }

    /**
     * Spells that also keep, in {@code changesTable} (union_id, on_date, delta), how many begin and
     * end in each union on each day: the count on a date is the sum of the changes up to it, a scan
     * of some 200,000 rows for the reference history instead of 3.7 million spells.
     */
    public Spells(String table, String subjectColumn, String changesTable, DayChanges observer) {
        this.table = table;
        this.subjectColumn = subjectColumn;
        this.changesTable = changesTable;
        this.observer = observer;
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
            close(subject, on, recorded.position(), null);
        }
        add(subject, unionId, on, recorded);
    }

    /** Ends the subject's spell in one union and opens one in another, on the same day. */
    public void move(String subject, String fromUnionId, String toUnionId, LocalDate on, Recorded recorded) {
        close(subject, on, recorded.position(), fromUnionId);
        add(subject, toUnionId, on, recorded);
    }

    private void add(String subject, String unionId, LocalDate on, Recorded recorded) {
        Object[] row = {subject, unionId, on, null, recorded.position(), null, recorded.at()};
        opened.add(row);
        openInBatch.put(subject, row);
        change(unionId, on, 1);
    }

    /**
     * Ends the subject's open spell, if it has one.
     *
     * @param unionId the union of that spell, or null if the event does not say (the stored spells
     *                are then asked, which costs the close more than half again)
     */
    public void close(String subject, LocalDate on, long position, String unionId) {
        Object[] open = openInBatch.remove(subject);
        if (open != null) {
            open[3] = on;
            open[5] = position;
            change((String) open[1], on, -1);
        } else if (closeStored.putIfAbsent(subject, new Object[]{subject, on, position}) == null) {
            if (unionId == null) {
                closedInUnknownUnion.add(subject);
            } else {
                change(unionId, on, -1);
            }
        }
    }

    /** Counted as the batch is staged (on the projector's reading thread), not as it is written. */
    private void change(String unionId, LocalDate on, int delta) {
        if (changesTable != null) {
            changes.computeIfAbsent(List.of(unionId, on), key -> new int[1])[0] += delta;
        }
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        if (closeStored.isEmpty() && opened.isEmpty()) {
            return Set.of();
        }
        if (!closeStored.isEmpty()) {
            closeStoredSpells(writer);
        }
        writer.append(table, opened);
        if (changesTable != null) {
            appendChanges(writer);
        }
        opened.clear();
        openInBatch.clear();
        closeStored.clear();
        closedInUnknownUnion.clear();
        changes.clear();
        return changesTable == null ? Set.of(table) : Set.of(table, changesTable);
    }

    /** Before this batch's spells are appended: they are open too, and must stay so. */
    private void closeStoredSpells(BatchWriter writer) throws SQLException {
        writer.append(stage(), new ArrayList<>(closeStored.values()));
        String update = "UPDATE " + table + " AS t SET ended_on = s.ended_on, ended_pos = s.ended_pos FROM "
                + stage() + " AS s WHERE t." + subjectColumn + " = s." + subjectColumn + " AND t.ended_on IS NULL";
        if (changesTable == null || closedInUnknownUnion.isEmpty()) {
            writer.execute(update);
        } else {
            try (Statement statement = writer.connection().createStatement();
                 ResultSet ended = statement.executeQuery(update + " RETURNING t." + subjectColumn + ", t.union_id, t.ended_on")) {
                while (ended.next()) {
                    if (closedInUnknownUnion.contains(ended.getString(1))) {
                        change(ended.getString(2), ended.getObject(3, LocalDate.class), -1);
                    }
                }
            }
        }
        writer.execute("DELETE FROM " + stage());
    }

    private void appendChanges(BatchWriter writer) throws SQLException {
        List<Object[]> rows = new ArrayList<>(changes.size());
        changes.forEach((unionAndDay, delta) -> {
            if (delta[0] != 0) {
                rows.add(new Object[]{unionAndDay.get(0), unionAndDay.get(1), delta[0]});
                observer.changed((String) unionAndDay.get(0), (LocalDate) unionAndDay.get(1), delta[0]);
            }
        });
        writer.append(changesTable, rows);
    }
}
