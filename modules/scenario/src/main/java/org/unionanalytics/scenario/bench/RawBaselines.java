package org.unionanalytics.scenario.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.unionanalytics.domain.keyproject.KeyProject;
import org.unionanalytics.domain.keyproject.RegisterKeyProject;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.shared.District;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

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

    /**
     * Commands per second through Axon, as the import sends them (its asynchronous command bus on
     * {@code threads} threads, {@code inFlight} commands under way), each creating a key project and
     * its one event, stored by a fresh engine from {@code storage} each round (closed after it if it
     * can be): Axon's in-memory engine gives the ceiling of a one-event command on this machine (no
     * disk, no serialising, no read model), the embedded store what storing the event durably adds.
     * Axon's deep call paths take a million or so commands to compile fully, so this runs
     * {@code rounds} rounds and gives the median of the last three.
     */
    public static double axonCommands(int rounds, int commandsPerRound, int threads, int inFlight,
                                      Supplier<? extends EventStorageEngine> storage) throws Exception {
        double[] perSecond = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            perSecond[round] = axonRound(commandsPerRound, threads, inFlight, storage.get());
        }
        return Samples.of(Arrays.copyOfRange(perSecond, Math.max(0, rounds - 3), rounds)).median();
    }

    private static double axonRound(int commands, int threads, int inFlight, EventStorageEngine storage) throws Exception {
        ExecutorService commandThreads = Executors.newFixedThreadPool(threads);
        EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
        try {
            var bus = AsynchronousCommandBus.builder().executor(commandThreads).build();
            AggregateAnnotationCommandHandler.<KeyProject>builder().aggregateType(KeyProject.class)
                    .repository(EventSourcingRepository.builder(KeyProject.class).eventStore(store).build())
                    .build().subscribe(bus);
            CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
            long started = System.nanoTime();
            registerKeyProjects(gateway, commands, inFlight);
            double perSecond = commands / ((System.nanoTime() - started) / 1e9);
            for (String keyProject : new String[] {keyProjectId(0), keyProjectId(commands - 1)}) {
                if (store.lastSequenceNumberFor(keyProject).isEmpty()) {
                    throw new IllegalStateException("Axon stored no event for " + keyProject);
                }
            }
            return perSecond;
        } finally {
            store.shutDown();
            commandThreads.shutdownNow();
            if (storage instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    private static void registerKeyProjects(CommandGateway gateway, int commands, int inFlight) throws InterruptedException {
        Semaphore slots = new Semaphore(inFlight);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        LocalDate start = LocalDate.of(2013, 1, 1);
        for (int i = 0; i < commands && refused.get() == null; i++) {
            slots.acquire();
            gateway.send(new RegisterKeyProject(keyProjectId(i), "bench", District.HAISHU,
                    start, start.plusYears(1))).whenComplete((result, error) -> {
                if (error != null) {
                    refused.compareAndSet(null, error);
                }
                slots.release();
            });
        }
        slots.acquire(inFlight);
        if (refused.get() != null) {
            throw new IllegalStateException("Axon refused a bench command: " + refused.get().getMessage(), refused.get());
        }
    }

    private static String keyProjectId(int number) {
        return String.format("keyproject-%08d", number);
    }
}
