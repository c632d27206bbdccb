package org.unionanalytics.readmodel.batch;

import org.duckdb.DuckDBConnection;

import java.sql.SQLException;

/** Changes to the read model gathered from a batch of events, written inside the batch's transaction. */
public interface StagedWrite {

    void flush(DuckDBConnection connection) throws SQLException;
}
