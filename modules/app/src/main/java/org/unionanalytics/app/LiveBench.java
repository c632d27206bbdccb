package org.unionanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.unionanalytics.scenario.bench.Samples;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The dashboards' side of the bench: dashboards holding the report live while members join, one
 * every 1-2 s. How long after a write is sent every dashboard shows it, and what the dashboards
 * cost, against the same writes at the same pace with nobody watching. The report is watched on the
 * day the passing members join, so the reference figures stay exact.
 */
final class LiveBench {

    private static final String LIVE_REPORT = "subscription { report(asOf: \"2017-09-01\") { grassroots { members } } }";
    private static final int DASHBOARDS = 100;
    private static final int WRITES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UnionAnalytics server;
    private final HttpLoad http;
    private final String token;
    private final Consumer<String> report;
    private final Random writeJitter = new Random(17);

    LiveBench(UnionAnalytics server, HttpLoad http, String token, Consumer<String> report) {
        this.server = server;
        this.http = http;
        this.token = token;
        this.report = report;
    }

    void run() throws InterruptedException, IOException {
        var writes = new PassingMembers(server, http);
        double alone = cpuMillisPerWrite(writes);
        try (LiveDashboards dashboards = new LiveDashboards(server.port(), token, DASHBOARDS, LIVE_REPORT,
                payload -> payload.at("/data/report/grassroots/members").asLong())) {
            dashboards.awaitEvery(0, System.nanoTime(), Duration.ofMinutes(2));
            long members = JSON.readTree(http.post(server.port(), LIVE_REPORT.replaceFirst("subscription", "query")))
                    .at("/data/report/grassroots/members").asLong();
            List<Double> reached = new ArrayList<>();
            long cpu = processCpuNanos();
            for (int write = 1; write <= WRITES; write++) {
                long sent = System.nanoTime();
                writes.run();
                for (double millis : dashboards.awaitEvery(members + write, sent, Duration.ofSeconds(30))) {
                    reached.add(millis);
                }
                pace(sent);
            }
            double watched = (processCpuNanos() - cpu) / 1e6 / WRITES;
            Samples latency = Samples.of(reached.stream().mapToDouble(Double::doubleValue).toArray());
            report.accept(String.format("live report, %d dashboards subscribed: a write shown on every one p50 %.0f ms, "
                    + "p99 %.0f ms after it was sent (%d writes); CPU %.1f ms a write with them watching (their clients "
                    + "included), %.1f ms without", DASHBOARDS, latency.median(), latency.percentile(99), WRITES, watched,
                    alone));
        }
    }

    /** The writes at the dashboards' pace with nobody watching. */
    private double cpuMillisPerWrite(Runnable write) throws InterruptedException {
        long cpu = processCpuNanos();
        for (int i = 0; i < WRITES; i++) {
            long sent = System.nanoTime();
            write.run();
            pace(sent);
        }
        return (processCpuNanos() - cpu) / 1e6 / WRITES;
    }

    /**
     * The next write comes 1 to 2 s after the last was sent: mostly a lone write, as a dashboard's
     * writes are, and at times one inside the live interval (a second) after the one before.
     */
    private void pace(long sent) throws InterruptedException {
        long due = 1000 + writeJitter.nextInt(1000);
        Thread.sleep(Math.max(0, due - (System.nanoTime() - sent) / 1_000_000));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
