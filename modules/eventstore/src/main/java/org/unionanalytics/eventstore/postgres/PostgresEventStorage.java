package org.unionanalytics.eventstore.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.DuplicateCommandException;
import org.unionanalytics.eventstore.EventStorage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The event store on PostgreSQL: Axon's JDBC engine over our own tables, plus the command log in
 * the same transaction as the events.
 *
 * <p>Positions are the identity column {@code global_index}. Concurrent writers commit out of
 * order, so a reader may see position 8 before 7: the tracking token remembers 7 as a gap and keeps
 * asking for it. A gap is given up only when it is older than {@link #GAP_TIMEOUT_MS} (no transaction
 * of ours runs that long; the server sets {@code idle_in_transaction_session_timeout} below it)
 * and never because it lies too far behind ({@link #MAX_GAP_OFFSET} exceeds any number of events
 * committed while one command's transaction is open), so a processor neither skips a late commit
 * nor stalls on a rolled-back one for long.
 */
public final class PostgresEventStorage extends JdbcEventStorageEngine implements EventStorage {

    static final int GAP_TIMEOUT_MS = 120_000;
    static final int MAX_GAP_OFFSET = 10_000_000;
    private static final int POOL_SIZE = 48;

    private static final EventSchema SCHEMA = EventSchema.builder()
            .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
            .globalIndexColumn("global_index").eventIdentifierColumn("event_identifier")
            .aggregateIdentifierColumn("aggregate_identifier").sequenceNumberColumn("sequence_number")
            .typeColumn("type").timestampColumn("time_stamp").payloadTypeColumn("payload_type")
            .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
            .build();

    private final HikariDataSource dataSource;
    private final ThreadBoundTransactions transactions;
    private final PostgresConnection connection;
    private final Set<String> snapshottedKinds = ConcurrentHashMap.newKeySet();

    private PostgresEventStorage(Builder builder, HikariDataSource dataSource, ThreadBoundTransactions transactions,
                                 PostgresConnection connection) {
        super(builder);
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.connection = connection;
        query("SELECT DISTINCT substring(aggregate_identifier from '^[^-]*-?') FROM snapshot_event_entry", null, rows -> {
            while (rows.next()) {
                snapshottedKinds.add(rows.getString(1));
            }
            return null;
        });
    }

    /**
     * Connects, creates the tables if they are missing, and returns the store ready for use; it reads
     * only the snapshots {@code snapshotFilter} allows.
     */
    public static PostgresEventStorage connect(PostgresConnection connection, Serializer events, Serializer snapshots,
                                               SnapshotFilter snapshotFilter) {
        HikariDataSource dataSource = dataSource(connection);
        try {
            createTables(dataSource);
            ThreadBoundTransactions transactions = new ThreadBoundTransactions(dataSource);
            Builder builder = JdbcEventStorageEngine.builder()
                    .connectionProvider(transactions).transactionManager(transactions)
                    .persistenceExceptionResolver(new DuplicateKeyResolver())
                    .eventSerializer(events).snapshotSerializer(snapshots).snapshotFilter(snapshotFilter)
                    .schema(SCHEMA).dataType(byte[].class)
                    .gapTimeout(GAP_TIMEOUT_MS).maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(1)
                    .batchSize(1_000);
            return new PostgresEventStorage(builder, dataSource, transactions, connection);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariDataSource dataSource(PostgresConnection connection) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(connection.url());
        config.setUsername(connection.user());
        config.setPassword(connection.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("event-store");
        // a transaction left open would hold a gap in the positions: end it well before the gap timeout
        config.addDataSourceProperty("options", "-c idle_in_transaction_session_timeout=" + GAP_TIMEOUT_MS / 2);
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new EventStoreException("cannot connect to the PostgreSQL event store at " + connection + ": "
                    + rootMessage(e), e);
        }
    }

    private static void createTables(HikariDataSource dataSource) {
        try (InputStream in = PostgresEventStorage.class.getResourceAsStream("schema.sql");
             Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | SQLException e) {
            throw new EventStoreException("cannot create the event tables on PostgreSQL: " + e.getMessage(), e);
        }
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        String commandId = EventStorage.commandIdOf(events);
        transactions.executeInTransaction(() -> {
            super.appendEvents(events, serializer);
            if (commandId != null) {
                record(commandId, events);
            }
        });
    }

    /** All in one transaction: one commit, one disk sync. */
    @Override
    public void appendCommands(List<? extends List<? extends EventMessage<?>>> commands) {
        transactions.executeInTransaction(() -> commands.forEach(events -> appendEvents(events, getEventSerializer())));
    }

    private void record(String commandId, List<? extends EventMessage<?>> events) {
        try (Connection c = transactions.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO command_log (command_id, first_event, last_event, event_count) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (command_id) DO NOTHING")) {
            insert.setString(1, commandId);
            insert.setString(2, events.get(0).getIdentifier());
            insert.setString(3, events.get(events.size() - 1).getIdentifier());
            insert.setInt(4, events.size());
            if (insert.executeUpdate() == 0) {
                throw new DuplicateCommandException(commandId);
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot record command " + commandId + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier, long firstSequenceNumber,
                                                                   int batchSize) {
        return transactions.read(() -> super.fetchDomainEvents(aggregateIdentifier, firstSequenceNumber, batchSize));
    }

    /**
     * Asks for a snapshot only for kinds of aggregate that have one (ids carry their kind as a
     * prefix): most never do, and the question is a round trip on every load. A kind whose first
     * snapshot another node stored is found at the next start; until then this node replays that
     * aggregate's events, which gives the same state.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        if (!snapshottedKinds.contains(kindOf(aggregateIdentifier))) {
            return Stream.empty();
        }
        return transactions.read(() -> super.readSnapshotData(aggregateIdentifier));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        snapshottedKinds.add(kindOf(snapshot.getAggregateIdentifier()));
        super.storeSnapshot(snapshot, serializer);
    }

    private static String kindOf(String aggregateIdentifier) {
        return aggregateIdentifier.substring(0, aggregateIdentifier.indexOf('-') + 1);
    }

    /** One query for many aggregates: a roster of a thousand workers was a thousand round trips. */
    @Override
    public Set<String> amongStored(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        return query("SELECT DISTINCT aggregate_identifier FROM domain_event_entry WHERE aggregate_identifier = ANY(?)",
                aggregateIds.toArray(String[]::new), rows -> {
                    Set<String> stored = new HashSet<>();
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                    return stored;
                });
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return transactions.read(() -> super.lastSequenceNumberFor(aggregateIdentifier));
    }

    @Override
    protected List<? extends TrackedEventData<?>> fetchTrackedEvents(TrackingToken lastToken, int batchSize) {
        return transactions.read(() -> super.fetchTrackedEvents(lastToken, batchSize));
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return query("SELECT f.global_index, l.global_index, c.event_count FROM command_log c "
                        + "JOIN domain_event_entry f ON f.event_identifier = c.first_event "
                        + "JOIN domain_event_entry l ON l.event_identifier = c.last_event WHERE c.command_id = ?",
                commandId, rows -> rows.next() ? Optional.of(new CommandRecord(rows.getLong(1), rows.getLong(2),
                        rows.getInt(3))) : Optional.empty());
    }

    @Override
    public Stream<? extends TrackedEventData<?>> historyDataOf(String aggregateId) {
        List<TrackedEventData<?>> found = query("SELECT * FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", aggregateId, rows -> {
            List<TrackedEventData<?>> events = new ArrayList<>();
            while (rows.next()) {
                events.add(new TrackedDomainEventData<>(GapAwareTrackingToken.newInstance(rows.getLong("global_index"),
                        Collections.emptySet()), getDomainEventData(rows)));
            }
            return events;
        });
        return found.stream();
    }

    @Override
    public long lastPosition() {
        return query("SELECT coalesce(max(global_index), 0) FROM domain_event_entry", null, rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    private <T> T query(String sql, Object parameter, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement statement = c.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setObject(1, parameter);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new EventStoreException("reading the PostgreSQL event store failed: " + e.getMessage(), e);
        }
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    @Override
    public TrackingToken tokenAfter(long position) {
        return GapAwareTrackingToken.newInstance(position, Collections.emptySet());
    }

    @Override
    public EventStorageEngine engine() {
        return this;
    }

    /** Runs {@code work} in one transaction of this store: whatever it appends commits together. */
    public void inTransaction(Runnable work) {
        transactions.executeInTransaction(work);
    }

    @Override
    public String describe() {
        return "the PostgreSQL event store at " + connection;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
