package org.unionanalytics.readmodel.economy;

import org.unionanalytics.readmodel.batch.BatchWriter;
import org.unionanalytics.readmodel.batch.Compaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The economy flows per day ({@code economy_days}), kept by the projector's writing thread. Each
 * batch appends its flows, counted from the rows the competition and proposal projections have
 * just written: a participation's contest start and flag are known only once its row has copied
 * them from the competition, and only the stored row says whether a promotion was an operation
 * method's first. The batch's rows are those recorded from its first event that counts; the
 * positions rise with the order rows are stored in, so DuckDB skips the older ones by their zone
 * maps. A day gathers rows over batches (questions sum them) until they are compacted.
 */
public final class EconomyDays {

    static final String TABLE = "economy_days";
    private static final String ADD_THE_BATCH = """
            INSERT INTO economy_days
            SELECT on_date, known_on, count_if(flow = 'contest'), count_if(flow = 'participation'),
                   count_if(flow = 'rationalization'), count_if(flow = 'achievement'), count_if(flow = 'promotion')
            FROM (SELECT 'contest' AS flow, starts_on AS on_date, starts_on AS known_on
                  FROM competitions WHERE recorded_pos >= $1 AND skill_contest
                  UNION ALL
                  SELECT 'participation', competition_start, greatest(enrolled_on, competition_start)
                  FROM participations WHERE recorded_pos >= $1 AND competition_skill_contest
                  UNION ALL
                  SELECT 'rationalization', submitted_on, submitted_on
                  FROM proposals WHERE recorded_pos >= $1 AND category = 'RATIONALIZATION'
                  UNION ALL
                  SELECT 'achievement', recognised_on, greatest(submitted_on, recognised_on)
                  FROM proposals WHERE recognised_pos >= $1
                  UNION ALL
                  SELECT 'promotion', promoted_on, greatest(submitted_on, promoted_on)
                  FROM proposals WHERE promoted_pos >= $1)
            GROUP BY on_date, known_on""";

    /** Fewer rows than this are not worth compacting. */
    private static final long COMPACT_FROM = 10_000;

    /** Rows after the last compaction, and appended since. */
    private long compactedRows;
    private long appendedRows;

    /** Learns how many rows the table holds, when the projector starts. */
    public void load(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + TABLE)) {
            rows.next();
            compactedRows = rows.getLong(1);
        }
        appendedRows = 0;
    }

    /** Appends the flows of the rows recorded from {@code firstCounted} on; compacts when the appended rows outnumber the rest. */
    void add(BatchWriter writer, long firstCounted) throws SQLException {
        appendedRows += writer.execute(ADD_THE_BATCH, firstCounted);
        if (appendedRows > Math.max(compactedRows, COMPACT_FROM)) {
            compactedRows = compact(writer.connection());
            appendedRows = 0;
        }
    }

    /** Sums the rows of each day and {@code known_on} into one; answers the rows left. */
    public static int compact(Connection connection) throws SQLException {
        return Compaction.compact(connection, TABLE, List.of("on_date", "known_on"), List.of("skill_contests",
                "skill_contest_participations", "rationalization_proposals", "innovation_achievements",
                "methods_promoted"), "on_date, known_on");
    }
}
