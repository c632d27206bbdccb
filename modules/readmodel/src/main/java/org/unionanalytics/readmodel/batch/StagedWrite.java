package org.unionanalytics.readmodel.batch;

import java.sql.SQLException;
import java.util.Set;

/** Changes to the read model gathered from a batch of events, written inside the batch's transaction. */
public interface StagedWrite {

    /** Writes what the batch gave it, and says which tables that changed: none when it gave nothing. */
    Set<String> flush(BatchWriter writer) throws SQLException;
}
