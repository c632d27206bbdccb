package org.unionanalytics.readmodel;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import org.axonframework.eventhandling.TrackingToken;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The analytics store: one DuckDB file. One connection writes (the projector's); a small pool of
 * connections reads, each seeing the last committed batch.
 */
public final class ReadModel implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReadModel.class);
    /** Raise it with every change to schema.sql: an older read model is then rebuilt from the log. */
    static final String SCHEMA_VERSION = "10";

    /** The name under which the projector stores its position. */
    static final String PROJECTOR = "read-model";

    /** Statements kept per reader connection, by SQL text. */
    private static final int KEPT_STATEMENTS = 64;

    private final DuckDBConnection writer;
    private final BlockingQueue<Connection> readers;
    private final int readerCount;
    /** Fixed at construction; each inner map is used only by the thread holding its connection. */
    private final Map<Connection, Map<String, PreparedStatement>> kept = new IdentityHashMap<>();
    private volatile boolean closed;

    private ReadModel(DuckDBConnection writer, int readerCount) throws SQLException {
        this.writer = writer;
        this.readers = new ArrayBlockingQueue<>(readerCount);
        this.readerCount = readerCount;
        for (int i = 0; i < readerCount; i++) {
            Connection reader = writer.duplicate();
            readers.add(reader);
            kept.put(reader, new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= KEPT_STATEMENTS) {
                        return false;
                    }
                    closeQuietly(eldest.getValue());
                    return true;
                }
            });
        }
    }

    /**
     * Opens the read model in {@code file}. A file written by another version of the schema is
     * deleted: the read model is rebuilt from the event log, which holds everything it knew.
     */
    public static ReadModel open(Path file, int readerCount) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            var connection = connect(file);
            String version = schemaVersion(connection);
            if (version != null && !version.equals(SCHEMA_VERSION) || version == null && Files.size(file) > 0
                    && hasTables(connection)) {
                log.info("The read model in {} has schema version {}, this server writes {}: rebuilding it from the event log",
                        file, version, SCHEMA_VERSION);
                connection.close();
                Files.delete(file);
                Files.deleteIfExists(Path.of(file + ".wal"));
                connection = connect(file);
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(schema());
                statement.execute("INSERT OR IGNORE INTO read_model_info VALUES ('schema_version', '" + SCHEMA_VERSION + "')");
            }
            return new ReadModel(connection, readerCount);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot open the read model in " + file + ": " + e.getMessage(), e);
        }
    }

    private static DuckDBConnection connect(Path file) throws SQLException {
        return (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath());
    }

    private static String schemaVersion(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT value FROM read_model_info WHERE key = 'schema_version'")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException noInfoTable) {
            return null;
        }
    }

    private static boolean hasTables(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM duckdb_tables()")) {
            return rows.next() && rows.getLong(1) > 0;
        }
    }

    private static String schema() throws IOException {
        try (InputStream in = ReadModel.class.getResourceAsStream("schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Whether this read model is the one to answer from (a rebuild marks it once it has caught up). */
    boolean isActive() {
        return read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT value FROM read_model_info WHERE key = 'active'")) {
                return rows.next() && rows.getString(1).equals("true");
            }
        });
    }

    void markActive() {
        execute("INSERT OR REPLACE INTO read_model_info VALUES ('active', 'true')");
    }

    /**
     * While a rebuild fills this model nobody queries it, and DuckDB's worker threads only take the
     * cores from the projector's reading thread: on one thread the rebuild ran 14-18% faster (two
     * alternating pairs of replays of the reference history). {@link #answering()} gives queries
     * their threads back.
     */
    void buildingAlone() {
        execute("SET threads = 1");
    }

    void answering() {
        execute("RESET threads");
    }

    /** On a reader connection: the writer belongs to the projector's thread (settings are database-wide). */
    private void execute(String sql) {
        read(connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.execute(sql);
            }
        });
    }

    DuckDBConnection writer() {
        return writer;
    }

    /** The position of the last event whose facts are committed; 0 before the first. */
    public long position() {
        return committedPosition().orElse(0L);
    }

    /** The position of the last event whose facts are committed, if any is. */
    public Optional<Long> committedPosition() {
        return committedToken().map(token -> token.position().orElse(0L));
    }

    /** The tracking token after the last event whose facts are committed, if any is. */
    Optional<TrackingToken> committedToken() {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT token FROM projection_position WHERE projection = ?")) {
                query.setString(1, PROJECTOR);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(Tokens.decode(rows.getString(1))) : Optional.<TrackingToken>empty();
                }
            }
        });
    }

    /** Runs a read on a pooled connection; blocks, so call it off the event loop. */
    public <T> T read(SqlFunction<T> work) {
        Connection connection;
        try {
            connection = closed ? null : readers.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a read-model connection", e);
        }
        if (connection == null) {
            throw new ReadModelException(closed ? "this read model was just replaced by a rebuilt one; ask again"
                    : "no read-model connection came free within 30 s", null);
        }
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new ReadModelException("a read-model query failed: " + e.getMessage(), e);
        } finally {
            readers.add(connection);
        }
    }

    /**
     * {@code sql} prepared on {@code connection} (one {@link #read} is holding), kept for the next
     * read of the same SQL on that connection: DuckDB takes several milliseconds to plan a cube's
     * SQL, as long as a small question takes to run. The caller binds its values and must not
     * close it; a statement whose execution failed or was cancelled is {@link #forget forgotten}.
     */
    public PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements = kept.get(connection);
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    public void forget(Connection connection, String sql) {
        PreparedStatement statement = kept.get(connection).remove(sql);
        if (statement != null) {
            closeQuietly(statement);
        }
    }

    /**
     * Waits for the reads under way to finish (a rebuild closes the old model while it may still
     * be answering), then closes every connection.
     */
    @Override
    public void close() {
        closed = true;
        for (int i = 0; i < readerCount; i++) {
            try {
                Connection reader = readers.poll(60, TimeUnit.SECONDS);
                if (reader != null) {
                    kept.get(reader).values().forEach(ReadModel::closeQuietly);
                    closeQuietly(reader);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        closeQuietly(writer);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what is no longer used; nothing left to save
        }
    }

    @FunctionalInterface
    public interface SqlFunction<T> {
        T apply(Connection connection) throws SQLException;
    }
}
