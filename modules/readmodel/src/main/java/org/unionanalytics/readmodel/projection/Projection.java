package org.unionanalytics.readmodel.projection;

import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Turns the events of one area into staged rows. Events arrive in global order; nothing touches
 * the database until the batch is flushed, inside the transaction that also stores the position.
 */
public interface Projection {

    /** Stages the rows for {@code event}; events of other areas are ignored. */
    void apply(Object event, Recorded recorded);

    /** In flush order. */
    List<StagedWrite> writes();

    /** Creates what the projection's staged writes need (staging tables). */
    default void prepare(Statement statement) throws SQLException {
    }
}
