package org.unionanalytics.scenario.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.unionanalytics.domain.membership.MemberJoined;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;

/**
 * What the libraries do on their own on this machine, measured beside the server in the same run:
 * the ceilings the server's own figures are compared with.
 */
public final class RawBaselines {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    private RawBaselines() {
    }

    /** Events per second that RocksDB appends in fsynced batches of 1,000 event-sized (330 byte) rows. */
    public static double rocksDbSyncedAppends(Path directory, int events) throws Exception {
        RocksDB.loadLibrary();
        byte[] value = new byte[330];
        try (Options options = new Options().setCreateIfMissing(true);
             RocksDB db = RocksDB.open(options, directory.toString());
             WriteOptions synced = new WriteOptions().setSync(true)) {
            long started = System.nanoTime();
            for (int first = 0; first < events; first += 1_000) {
                try (WriteBatch batch = new WriteBatch()) {
                    for (int i = first; i < first + 1_000; i++) {
                        batch.put(ByteBuffer.allocate(8).putLong(i).array(), value);
                    }
                    db.write(synced, batch);
                }
            }
            return events / ((System.nanoTime() - started) / 1e9);
        }
    }

    /**
     * Events per second that PostgreSQL inserts as event-sized rows (330 bytes, an identity column,
     * a unique aggregate and sequence), in batched inserts committed every 1,000 rows.
     */
    public static double postgresBatchedInserts(String url, String user, String password, int events) throws Exception {
        byte[] value = new byte[330];
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS raw_baseline_events");
            statement.execute("CREATE TABLE raw_baseline_events (position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                    + "aggregate VARCHAR(255) NOT NULL, sequence BIGINT NOT NULL, payload BYTEA NOT NULL, "
                    + "UNIQUE (aggregate, sequence))");
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO raw_baseline_events (aggregate, sequence, payload) VALUES (?, ?, ?)")) {
                for (int first = 0; first < events; first += 1_000) {
                    for (int i = first; i < first + 1_000; i++) {
                        insert.setString(1, "member-" + i);
                        insert.setLong(2, 0);
                        insert.setBytes(3, value);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    connection.commit();
                }
            }
            double perSecond = events / ((System.nanoTime() - started) / 1e9);
            connection.setAutoCommit(true);
            statement.execute("DROP TABLE raw_baseline_events");
            return perSecond;
        }
    }

    /** Rows per second that DuckDB's Appender takes into a membership-shaped table. */
    public static double duckDbAppender(Path file, int rows) throws Exception {
        try (var connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (member_id VARCHAR, union_id VARCHAR, started_on DATE, position BIGINT)");
            }
            long started = System.nanoTime();
            try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "t")) {
                LocalDate day = LocalDate.of(2013, 1, 1);
                for (int i = 0; i < rows; i++) {
                    appender.beginRow().append("member-" + i).append("union-" + (i % 27_500)).append(day).append((long) i).endRow();
                }
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        }
    }

    /** Event payloads per second that Jackson decodes on one core. */
    public static double jacksonDecodes(int payloads) throws Exception {
        byte[] json = JSON.writeValueAsBytes(new MemberJoined("member-01234567", "union-012345", LocalDate.of(2013, 5, 1)));
        long started = System.nanoTime();
        long check = 0;
        for (int i = 0; i < payloads; i++) {
            check += JSON.readValue(json, MemberJoined.class).joinedOn().getDayOfMonth();
        }
        if (check == 0) {
            throw new IllegalStateException("nothing decoded");
        }
        return payloads / ((System.nanoTime() - started) / 1e9);
    }
}
