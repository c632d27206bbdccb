package org.unionanalytics.app;

import org.unionanalytics.readmodel.query.ReportQuery;
import org.unionanalytics.readmodel.query.Views;
import org.unionanalytics.scenario.HistoryImport;
import org.unionanalytics.scenario.ReferenceHistory;
import org.unionanalytics.scenario.bench.RawBaselines;
import org.unionanalytics.scenario.bench.Samples;
import io.vertx.core.Vertx;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.unionanalytics.api.access.AccessSettings;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark the server on the reference history: import, rebuild, query latency, HTTP overhead, "
                + "memory and disk, each beside the raw figure of the library underneath where one exists.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    private static final String GRASSROOTS = Views.GRASSROOTS_KINDS;

    /**
     * Three ad-hoc questions, as a client asks them and as one would ask DuckDB directly: plain SQL
     * over the read model's facts (a proposal's industry is one of its columns), never over the
     * counts the projector keeps for the cubes (membership_changes, area_changes).
     */
    private record Question(String name, String graphql, String sql) {
    }

    private static final List<Question> QUESTIONS = List.of(
            new Question("members by district, per quarter (all memberships)", """
                    { analytics { membership(where: {date: {inDateRange: ["2012-10-01", "2017-09-21"]}}) {
                        date { quarter } district members } } }""", """
                    WITH q AS (SELECT CAST(s AS DATE) AS quarter,
                                      LEAST(CAST(s + INTERVAL 3 month - INTERVAL 1 day AS DATE), DATE '2017-09-21') AS on_date
                               FROM range(DATE '2012-10-01', DATE '2017-09-22', INTERVAL 3 month) t(s))
                    SELECT q.quarter, u.district, count(*) FROM q
                    JOIN memberships m ON m.started_on <= q.on_date AND (m.ended_on IS NULL OR m.ended_on > q.on_date)
                    JOIN unions u ON u.union_id = m.union_id AND u.kind IN """ + GRASSROOTS + """
                     AND u.founded_on <= q.on_date AND (u.dissolved_on IS NULL OR u.dissolved_on > q.on_date)
                    GROUP BY ALL ORDER BY 1, 2"""),
            new Question("proposals adopted per industry and year, with benefit", """
                    { analytics { proposals(where: {adoptedOn: {set: true}}) {
                        industry adoptedOn { year } adopted economicBenefitYuan } } }""", """
                    SELECT industry, date_trunc('year', adopted_on), count(*), sum(economic_benefit)
                    FROM proposals WHERE adopted_on IS NOT NULL GROUP BY ALL ORDER BY 1, 2"""),
            new Question("establishment rate by district on 2017-09-21", """
                    { analytics { enterprises(asOf: "2017-09-21") { district enterprises enterprisesCovered establishmentRate } } }""", """
                    SELECT e.district, count(*), count(c.enterprise_id), count(c.enterprise_id) / count(*)
                    FROM enterprises e LEFT JOIN (
                        SELECT c.enterprise_id FROM coverages c JOIN unions u ON u.union_id = c.union_id
                        AND u.kind IN """ + GRASSROOTS + """
                         AND u.founded_on <= DATE '2017-09-21'
                        AND (u.dissolved_on IS NULL OR u.dissolved_on > DATE '2017-09-21')
                        WHERE c.started_on <= DATE '2017-09-21' AND (c.ended_on IS NULL OR c.ended_on > DATE '2017-09-21')) c
                    USING (enterprise_id)
                    WHERE e.registered_on <= DATE '2017-09-21' AND (e.deregistered_on IS NULL OR e.deregistered_on > DATE '2017-09-21')
                    GROUP BY 1 ORDER BY 1"""));

    private static final LocalDate REPORT_FROM = LocalDate.of(2012, 10, 1);
    private static final LocalDate REPORT_TO = LocalDate.of(2017, 9, 21);
    private static final String REPORT = "{ report(from: \"" + REPORT_FROM + "\", to: \"" + REPORT_TO + "\") { "
            + "grassroots { unions members workers establishmentRate membershipRate "
            + "townships townshipsWithFederation enterprisesCovered enterprisesRegistered } economy { keyProjectCoverage "
            + "skillContests skillContestParticipations proposals innovationAchievements operationMethodsPromoted } } }";


    @Option(names = "--data-dir", required = true,
            description = "Where the benchmark keeps its server's data; an empty directory imports the history first.")
    Path dataDirectory;

    @Option(names = "--scale", defaultValue = "1.0", description = "Scale of the reference history. Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--samples", defaultValue = "30", description = "Least timed requests per query. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--sample-seconds", defaultValue = "15",
            description = "Seconds a query keeps being timed past its least samples (at most 2,000), so that a fast "
                    + "one has a p99 that is not just its slowest sample. Default: ${DEFAULT-VALUE}.")
    int sampleSeconds;

    @Option(names = "--warmup-seconds", defaultValue = "10",
            description = "Seconds each timed query is asked untimed first, for the JIT to compile its path. Default: ${DEFAULT-VALUE}.")
    int warmupSeconds;

    @Option(names = "--load-seconds", defaultValue = "5", description = "Seconds of each throughput run. Default: ${DEFAULT-VALUE}.")
    int loadSeconds;

    @Option(names = "--compare-with", description = "Also import and rebuild on this store (${COMPLETION-CANDIDATES}), "
            + "configured by the store options, and report its rates beside the main store's. It must start empty.")
    StoreOptions.Kind compareWith;

    /** The bench's servers run as in production, out of demo mode, and its clients send an admin's token. */
    private final AccessSettings access = AccessSettings.sharedSecret(UUID.randomUUID() + "-" + UUID.randomUUID());
    private String token;

    private Duration warmup() {
        return Duration.ofSeconds(warmupSeconds);
    }

    private Samples.Sampling sampling() {
        return new Samples.Sampling(samples, Math.max(samples, 2_000), Duration.ofSeconds(sampleSeconds));
    }

    private void report(String format, Object... values) {
        report(String.format(format, values));
    }

    private void report(String line) {
        System.out.println(line);
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.defaults(dataDirectory, 0).toBuilder().store(storeOptions.store())
                .commandThreads(ImportCommand.COMMAND_THREADS).queryTimeout(Duration.ofSeconds(120)).keptAnswers(0)
                .access(access).build();
        token = adminToken();
        report("Union Analytics benchmark, scale %s, %d CPUs, max heap %,d MB", scale,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        importHistory(settings);
        rebuild(settings);
        try (UnionAnalytics server = UnionAnalytics.start(settings); HttpLoad http = new HttpLoad(token)) {
            queries(server, http, settings.queryThreads());
        }
        Settings keeping = settings.toBuilder().keptAnswers(256).build();
        try (UnionAnalytics server = UnionAnalytics.start(keeping); HttpLoad http = new HttpLoad(token)) {
            Samples kept = Samples.time(warmup(), sampling(), () -> http.post(server.port(), REPORT));
            report("report, answered from kept answers (no write in between): p50 %.1f ms, p99 %.1f ms (%,d requests)",
                    kept.median(), kept.percentile(99), kept.count());
            Samples afterWrites = Samples.timeAfter(warmup(), sampling(), new PassingMembers(server, http),
                    () -> http.post(server.port(), REPORT));
            report("report, a member having joined and left before each (grassroots recomputed, economy kept): "
                    + "p50 %.1f ms, p99 %.1f ms (%,d requests)", afterWrites.median(), afterWrites.percentile(99),
                    afterWrites.count());
            new LiveBench(server, http, token, this::report).run();
            new CrowdBench(server, http, token, this::report).run();
            new EventLogBench(server, http, token, this::report).run(warmup(), sampling());
            throughput(server, http);
        }
        if (compareWith != null) {
            compare(settings.toBuilder().store(storeOptions.store(compareWith)).build());
        }
        // the raw baselines open stores of their own, whose native memory would count as the server's
        long peakRss = peakRssMb();
        baselines();
        report("peak RSS %,d MB (before the raw baselines); disk %,d MB (event store %,d MB, read model %,d MB)", peakRss,
                sizeMb(dataDirectory), sizeMb(dataDirectory.resolve("events")), sizeMb(dataDirectory.resolve("readmodel")));
        return 0;
    }

    private String adminToken() {
        Vertx signer = Vertx.vertx();
        try {
            return Tokens.create(signer, access).issue("bench", EnumSet.of(Role.ADMIN), Duration.ofDays(1));
        } finally {
            signer.close();
        }
    }

    private void compare(Settings other) throws Exception {
        report("--- the same on %s ---", compareWith);
        Settings elsewhere = other.toBuilder().dataDirectory(dataDirectory.resolve("compare-" + compareWith)).build();
        importHistory(elsewhere);
        rebuild(elsewhere);
        if (compareWith == StoreOptions.Kind.postgres) {
            var postgres = storeOptions.postgres();
            report("raw PostgreSQL: %,.0f events/s inserted in batches of 1,000, each committed",
                    RawBaselines.postgresBatchedInserts(postgres.url(), postgres.user(), postgres.password(), 200_000));
        }
        report("--- end of %s ---", compareWith);
    }

    private void importHistory(Settings settings) throws InterruptedException {
        try (Node node = new Node(settings)) {
            if (node.storage.lastPosition() > 0) {
                report("import: skipped, %s already holds %,d events", node.storage.describe(), node.storage.lastPosition());
                return;
            }
            HistoryImport.Result result = new HistoryImport(node.commands.gateway(), node.storage, node.storage::lastPosition,
                    ImportCommand.IN_FLIGHT, line -> { }).run(new ReferenceHistory(1, scale));
            report("import: %,d commands, %,d events in %.1f s = %,.0f events/s (%,.0f commands/s)", result.commands(),
                    result.events(), result.took().toMillis() / 1000.0, result.eventsPerSecond(),
                    result.commands() / (result.took().toMillis() / 1000.0));
            long started = System.nanoTime();
            node.readSide.awaitPosition(node.storage.lastPosition(), Duration.ofHours(2)).join();
            report("read model caught up %.1f s after the import ended", (System.nanoTime() - started) / 1e9);
        }
    }

    private void rebuild(Settings settings) {
        try (Node node = Node.forRebuild(settings)) {
            var status = node.readSide.rebuildNow();
            report("rebuild: %,d events in %.1f s = %,.0f events/s", status.position(),
                    Duration.between(status.startedAt(), status.finishedAt()).toMillis() / 1000.0, status.eventsPerSecond());
        }
    }

    private void queries(UnionAnalytics server, HttpLoad http, int reportThreads) {
        try (RawReport raw = new RawReport(server.node().readSide.model(),
                ReportQuery.questions(REPORT_FROM, REPORT_TO, null, null), reportThreads)) {
            Samples.Pair report = Samples.alternating(warmup(), sampling(), () -> http.post(server.port(), REPORT), raw);
            report("report, computed each time: p50 %.1f ms, p99 %.1f ms (%,d requests); its three statements straight "
                            + "to DuckDB, %d at once: p50 %.1f ms, p99 %.1f ms; ratio %.2f", report.ours().median(),
                    report.ours().percentile(99), report.ours().count(), reportThreads, report.baseline().median(),
                    report.baseline().percentile(99), report.ratio());
        }
        for (Question question : QUESTIONS) {
            Samples.Pair timed = Samples.alternating(warmup(), sampling(), () -> http.post(server.port(), question.graphql()),
                    () -> server.node().readSide.model().read(connection -> rowsOf(connection, question.sql())));
            report("cube '%s': p50 %.1f ms, p99 %.1f ms; DuckDB directly p50 %.1f ms; ratio %.2f (%,d requests each)",
                    question.name(), timed.ours().median(), timed.ours().percentile(99), timed.baseline().median(),
                    timed.ratio(), timed.ours().count());
        }
    }

    private static int rowsOf(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int count = 0;
            while (rows.next()) {
                count++;
            }
            return count;
        }
    }

    private void throughput(UnionAnalytics server, HttpLoad http) throws InterruptedException {
        try (BareEndpoint bare = new BareEndpoint()) {
            double[] ours = new double[3];
            double[] baseline = new double[3];
            Duration each = Duration.ofSeconds(loadSeconds);
            http.requestsPerSecond(server.port(), "{ readModel { upToDate } }", 16, Duration.ofSeconds(2));
            http.requestsPerSecond(bare.port(), "{ hello }", 16, Duration.ofSeconds(2));
            for (int run = 0; run < 3; run++) {
                ours[run] = http.requestsPerSecond(server.port(), "{ readModel { upToDate } }", 16, each);
                baseline[run] = http.requestsPerSecond(bare.port(), "{ hello }", 16, each);
            }
            double oursMedian = Samples.of(ours).median();
            double bareMedian = Samples.of(baseline).median();
            report("trivial query: %,.0f requests/s; bare Vert.x + graphql-java %,.0f requests/s; ratio %.2f",
                    oursMedian, bareMedian, oursMedian / bareMedian);
        }
    }

    private void baselines() throws Exception {
        Path scratch = Files.createTempDirectory("bench-raw");
        try {
            report("raw RocksDB: %,.0f events/s appended in fsynced batches of 1,000",
                    RawBaselines.rocksDbSyncedAppends(scratch.resolve("rocks"), 200_000));
            report("raw DuckDB Appender: %,.0f rows/s", RawBaselines.duckDbAppender(scratch.resolve("raw.duckdb"), 2_000_000));
            report("raw Jackson: %,.0f event payloads decoded/s on one core", RawBaselines.jacksonDecodes(1_000_000));
            report("raw Axon: %,.0f one-event commands/s through its command bus alone (%d threads, %d under way, "
                    + "events kept in memory)",
                    RawBaselines.axonCommands(12, 100_000, ImportCommand.COMMAND_THREADS, ImportCommand.IN_FLIGHT,
                            InMemoryEventStorageEngine::new),
                    ImportCommand.COMMAND_THREADS, ImportCommand.IN_FLIGHT);
            AtomicInteger round = new AtomicInteger();
            report("Axon on the embedded store: %,.0f of the same commands/s, their events encoded and stored with "
                    + "fsync (no read model, no rules read from other aggregates)",
                    RawBaselines.axonCommands(6, 100_000, ImportCommand.COMMAND_THREADS, ImportCommand.IN_FLIGHT,
                            () -> Store.embedded().open(scratch.resolve("axon-" + round.incrementAndGet())).engine()));
        } finally {
            deleteTree(scratch);
        }
    }

    /** The baselines' stores (some 120 MB a bench) go with them. */
    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static long peakRssMb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(-1L);
    }

    private static long sizeMb(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum() >> 20;
        }
    }
}
