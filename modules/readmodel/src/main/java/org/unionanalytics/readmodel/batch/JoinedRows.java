package org.unionanalytics.readmodel.batch;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * New rows that copy some of their columns from rows stored before them (a participation its
 * competition's kind and start), so that questions about them need no join: the batch's rows go to
 * a staging table through the Appender and move to the table with one INSERT ... SELECT that joins
 * what they copy. The copied columns are the table's last ones.
 */
public final class JoinedRows implements StagedWrite {

    private final String table;
    private final List<String> ownColumns;
    private final String copiedValues;
    private final String joins;
    private final AppendedRows staged;
    private boolean any;

    /**
     * @param ownColumns   the columns the events give, in table order
     * @param copiedValues the copied columns' values, in table order ({@code c.kind, c.starts_on})
     * @param joins        where they come from, joined to the staged rows {@code s}
     *                     ({@code LEFT JOIN competitions c ON c.competition_id = s.competition_id})
     */
    public JoinedRows(String table, List<String> ownColumns, String copiedValues, String joins) {
        this.table = table;
        this.ownColumns = List.copyOf(ownColumns);
        this.copiedValues = copiedValues;
        this.joins = joins;
        this.staged = new AppendedRows(stage());
    }

    private String stage() {
        return "new_" + table;
    }

    public void prepare(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS " + stage() + " AS SELECT " + String.join(", ", ownColumns)
                + " FROM " + table + " LIMIT 0");
    }

    /** The event's values of the own columns, in their order. */
    public void add(Object... row) {
        staged.add(row);
        any = true;
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        if (!any) {
            return Set.of();
        }
        staged.flush(writer);
        writer.execute("INSERT INTO " + table + " SELECT s.*, " + copiedValues + " FROM " + stage() + " s " + joins);
        writer.execute("DELETE FROM " + stage());
        any = false;
        return Set.of(table);
    }
}
