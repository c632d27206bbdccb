package org.unionanalytics.app;

import org.unionanalytics.scenario.bench.Samples;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Crowds of subscribers beside the requests: a trivial query timed with nobody subscribed, then
 * beside a thousand different live cube questions on one socket (each computed again after every
 * write, more than the server keeps answers for), then beside four auditors' feeds catching up on
 * the log from its start. What subscriptions go on doing runs on threads of their own, so the
 * requests should not queue behind it.
 */
record CrowdBench(UnionAnalytics server, HttpLoad http, String token, Consumer<String> report) {

    private static final int QUESTIONS = 1_000;
    private static final int FEEDS = 4;
    private static final String TRIVIAL = "{ readModel { upToDate } }";
    private static final Samples.Sampling SAMPLING = new Samples.Sampling(20, 20, Duration.ZERO);
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    void run() throws InterruptedException {
        var writes = new PassingMembers(server, http);
        Runnable trivial = () -> http.post(server.port(), TRIVIAL);
        Samples alone = Samples.timeAfter(Duration.ZERO, SAMPLING, writes, trivial);
        Samples beside = besideLiveQuestions(writes, trivial);
        report.accept(String.format("requests beside %,d live questions computed again after each write: a trivial "
                        + "query right after a write p50 %.1f ms, p99 %.1f ms (nobody subscribed: %.1f / %.1f ms)",
                QUESTIONS, beside.median(), beside.percentile(99), alone.median(), alone.percentile(99)));
        Samples quiet = Samples.time(Duration.ZERO, SAMPLING, trivial);
        Samples catchingUp = besideFeedsCatchingUp(trivial);
        report.accept(String.format("requests beside %d event feeds catching up from the start of the log: a trivial query "
                        + "p50 %.1f ms, p99 %.1f ms (no feed: %.1f / %.1f ms)", FEEDS, catchingUp.median(),
                catchingUp.percentile(99), quiet.median(), quiet.percentile(99)));
    }

    private Samples besideLiveQuestions(Runnable writes, Runnable trivial) throws InterruptedException {
        AtomicLong answers = new AtomicLong();
        var socket = new GraphQLWebSocket(HttpClient.newHttpClient(), server.port(), token, message -> answers.incrementAndGet());
        try {
            for (int i = 0; i < QUESTIONS; i++) {
                // a question per day, so that none is another's kept answer
                socket.subscribe("q" + i, "subscription { analytics { proposals(asOf: \"" + LocalDate.of(2014, 1, 1).plusDays(i)
                        + "\") { district proposals adopted } } }");
            }
            awaitAll(QUESTIONS, answers::get, "live questions answered");
            return Samples.timeAfter(Duration.ZERO, SAMPLING, writes, trivial);
        } finally {
            socket.close();
        }
    }

    private Samples besideFeedsCatchingUp(Runnable trivial) throws InterruptedException {
        AtomicLongArray messages = new AtomicLongArray(FEEDS);
        List<GraphQLWebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < FEEDS; i++) {
                int feed = i;
                var socket = new GraphQLWebSocket(HttpClient.newHttpClient(), server.port(), token,
                        message -> messages.incrementAndGet(feed));
                sockets.add(socket);
                socket.subscribe("feed", "subscription { eventBatches(after: \"0\", size: 500) { position } }");
            }
            awaitAll(FEEDS, () -> {
                int started = 0;
                for (int i = 0; i < FEEDS; i++) {
                    started += messages.get(i) > 0 ? 1 : 0;
                }
                return started;
            }, "feeds under way");
            return Samples.time(Duration.ZERO, SAMPLING, trivial);
        } finally {
            sockets.forEach(GraphQLWebSocket::close);
        }
    }

    private static void awaitAll(int expected, LongSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (done.getAsLong() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + done.getAsLong() + " of " + expected + " " + what + " in "
                        + PATIENCE.toMinutes() + " minutes");
            }
            Thread.sleep(10);
        }
    }
}
