package org.unionanalytics.app;

import org.unionanalytics.scenario.bench.Samples;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A crowd of live questions beside the requests: a thousand different cube questions held live on
 * one socket, each computed again after every write (more than the server keeps answers for), and
 * a trivial query timed right after each write, against the same with nobody subscribed. Live
 * answers are computed on threads of their own, so the requests should not queue behind them.
 */
final class LiveCrowdBench {

    private static final int QUESTIONS = 1_000;
    private static final String TRIVIAL = "{ readModel { upToDate } }";
    private static final Samples.Sampling SAMPLING = new Samples.Sampling(20, 20, Duration.ZERO);

    private final UnionAnalytics server;
    private final HttpLoad http;
    private final String token;
    private final Consumer<String> report;

    LiveCrowdBench(UnionAnalytics server, HttpLoad http, String token, Consumer<String> report) {
        this.server = server;
        this.http = http;
        this.token = token;
        this.report = report;
    }

    void run() throws InterruptedException {
        var writes = new PassingMembers(server, http);
        Runnable trivial = () -> http.post(server.port(), TRIVIAL);
        Samples alone = Samples.timeAfter(Duration.ZERO, SAMPLING, writes, trivial);
        AtomicLong answers = new AtomicLong();
        var socket = new GraphQLWebSocket(HttpClient.newHttpClient(), server.port(), token, message -> answers.incrementAndGet());
        try {
            for (int i = 0; i < QUESTIONS; i++) {
                // a question per day, so that none is another's kept answer
                socket.subscribe("q" + i, "subscription { analytics { proposals(asOf: \"" + LocalDate.of(2014, 1, 1).plusDays(i)
                        + "\") { district proposals adopted } } }");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (answers.get() < QUESTIONS) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + answers.get() + " of " + QUESTIONS + " live questions answered in 5 minutes");
                }
                Thread.sleep(10);
            }
            Samples crowded = Samples.timeAfter(Duration.ZERO, SAMPLING, writes, trivial);
            report.accept(String.format("requests beside %,d live questions computed again after each write: a trivial "
                            + "query right after a write p50 %.1f ms, p99 %.1f ms (nobody subscribed: %.1f / %.1f ms)",
                    QUESTIONS, crowded.median(), crowded.percentile(99), alone.median(), alone.percentile(99)));
        } finally {
            socket.close();
        }
    }
}
