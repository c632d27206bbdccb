package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.unionanalytics.api.history.EventLog;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.scenario.bench.Samples;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The auditors' side of the bench: pages of the event log and the event feed, from the middle of
 * the log, each beside the same events read straight from the event store in the server's process;
 * then a caught-up feed's delay beside the read model's.
 */
final class EventLogBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events the feed is followed for, or fewer if the log ends first. */
    private static final int FEED_EVENTS = 200_000;
    private static final int NEW_EVENTS = 50;

    private final UnionAnalytics server;
    private final HttpLoad http;
    private final String token;
    private final Consumer<String> report;
    private final EventStorage storage;
    private final long middle;

    EventLogBench(UnionAnalytics server, HttpLoad http, String token, Consumer<String> report) {
        this.server = server;
        this.http = http;
        this.token = token;
        this.report = report;
        this.storage = server.node().storage;
        this.middle = storage.lastPosition() / 2;
    }

    void run(Duration warmup, Samples.Sampling sampling) throws IOException, InterruptedException {
        page(warmup, sampling, "a page of 100 events with their data", "first: 100", 100);
        page(warmup, sampling, String.format("a page of award events (%,d events looked at)", EventLog.SCAN_WINDOW),
                "first: 100, filter: {types: [AwardGranted]}", EventLog.SCAN_WINDOW);
        // the competition with the most participants: its history is one of the longest
        String competition = JSON.readTree(http.post(server.port(), "{ analytics { participations(orderBy: "
                + "[{by: participations, direction: DESC}], limit: 1) { competitionId participations } } }"))
                .at("/data/analytics/participations/0/competitionId").asText();
        String query = "{ events(first: 500, filter: {aggregateId: \"" + competition + "\"}) { edges { node "
                + "{ position type version data } } } }";
        int events = JSON.readTree(http.post(server.port(), query)).at("/data/events/edges").size();
        Samples history = Samples.time(warmup, sampling, () -> http.post(server.port(), query));
        report.accept(String.format("event log, one competition's history (%d events, from its own index): p50 %.1f ms, "
                + "p99 %.1f ms (%,d requests)", events, history.median(), history.percentile(99), history.count()));
        feed("one event a message", "events(after: \"" + middle + "\")", message -> 1);
        feed("in batches of " + EventLog.MAX_PAGE, "eventBatches(after: \"" + middle + "\", size: " + EventLog.MAX_PAGE + ")",
                message -> message.at("/payload/data/eventBatches").size());
        newEvents();
    }

    /**
     * A caught-up feed: how long after a write is sent its event reaches the subscriber, beside how
     * long the read model took to reflect it (what wakes the feed). Writes come 200-400 ms apart.
     */
    private void newEvents() throws InterruptedException {
        var writes = new PassingMembers(server, http);
        BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
        double[] seen = new double[NEW_EVENTS];
        double[] reflected = new double[NEW_EVENTS];
        Random pause = new Random(23);
        try (GraphQLWebSocket socket = new GraphQLWebSocket(HttpClient.newHttpClient(), server.port(), token, message -> {
            if (message.path("type").asText().equals("next")) {
                arrivals.add(System.nanoTime());
            }
        })) {
            socket.subscribe("left", "subscription { events(after: \"" + storage.lastPosition()
                    + "\", filter: {types: [MemberLeft]}) { position } }");
            Thread.sleep(500);
            for (int write = 0; write < NEW_EVENTS; write++) {
                long sent = System.nanoTime();
                writes.run();
                reflected[write] = (System.nanoTime() - sent) / 1e6;
                Long arrived = arrivals.poll(30, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("the feed did not send a write's event within 30 s");
                }
                seen[write] = (arrived - sent) / 1e6;
                Thread.sleep(200 + pause.nextInt(200));
            }
        }
        Samples feed = Samples.of(seen);
        Samples readModel = Samples.of(reflected);
        report.accept(String.format("event feed, caught up: a write's event received p50 %.1f ms, p99 %.1f ms after the write "
                        + "was sent; the read model reflected it p50 %.1f ms, p99 %.1f ms after (%d writes)", feed.median(),
                feed.percentile(99), readModel.median(), readModel.percentile(99), NEW_EVENTS));
    }

    private void page(Duration warmup, Samples.Sampling sampling, String what, String arguments, int storeEvents) {
        String query = "{ events(after: \"" + middle + "\", " + arguments + ") { edges { node { position type aggregateId "
                + "version recordedAt data commandId } } pageInfo { endCursor } } }";
        Samples.Pair timed = Samples.alternating(warmup, sampling, () -> http.post(server.port(), query),
                () -> readFromStore(storeEvents));
        report.accept(String.format("event log, %s: p50 %.1f ms, p99 %.1f ms; the same events read from the store p50 %.1f ms; "
                        + "ratio %.2f (%,d requests each)", what, timed.ours().median(), timed.ours().percentile(99),
                timed.baseline().median(), timed.ratio(), timed.ours().count()));
    }

    /** The baseline: the events read and their data taken as stored, in the server's process. */
    private void readFromStore(int events) {
        try (Stream<? extends TrackedEventMessage<?>> log = storage.engine().readEvents(storage.tokenAfter(middle), false)) {
            log.limit(events).forEach(event -> event.serializePayload(storage.getEventSerializer(), byte[].class));
        }
    }

    /** @param events how many events a message of the subscription carries */
    private void feed(String how, String subscription, ToIntFunction<JsonNode> events) throws InterruptedException {
        long available = Math.min(FEED_EVENTS, storage.lastPosition() - middle);
        AtomicLong received = new AtomicLong();
        long started = System.nanoTime();
        try (GraphQLWebSocket socket = new GraphQLWebSocket(HttpClient.newHttpClient(), server.port(), token, message -> {
            if (message.path("type").asText().equals("next")) {
                received.addAndGet(events.applyAsInt(message));
            }
        })) {
            socket.subscribe("feed", "subscription { " + subscription + " { position type aggregateId } }");
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (received.get() < available && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long storeStarted = System.nanoTime();
        readFromStore((int) available);
        double storeSeconds = (System.nanoTime() - storeStarted) / 1e9;
        report.accept(String.format("event feed from the middle of the log, %s: %,d events in %.1f s = %,.0f events/s over "
                        + "graphql-transport-ws; the store read alone %,.0f events/s", how, received.get(), seconds,
                received.get() / seconds, available / storeSeconds));
    }
}
