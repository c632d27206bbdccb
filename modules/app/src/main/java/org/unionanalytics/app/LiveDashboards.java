package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

/**
 * Dashboards for the bench: clients holding one live subscription each, each remembering the
 * latest figure it was sent and when.
 */
final class LiveDashboards implements AutoCloseable {

    private final List<GraphQLWebSocket> sockets = new ArrayList<>();
    private final AtomicLongArray figures;
    private final AtomicLongArray sentAt;

    /** @param figure reads the watched figure from a {@code next} message's payload */
    LiveDashboards(int port, String token, int count, String subscription, ToLongFunction<JsonNode> figure) {
        figures = new AtomicLongArray(count);
        sentAt = new AtomicLongArray(count);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            int dashboard = i;
            figures.set(dashboard, Long.MIN_VALUE);
            GraphQLWebSocket socket = new GraphQLWebSocket(http, port, token, message -> {
                if (message.path("type").asText().equals("next")) {
                    sentAt.set(dashboard, System.nanoTime());
                    figures.set(dashboard, figure.applyAsLong(message.path("payload")));
                }
            });
            socket.subscribe("live", subscription);
            sockets.add(socket);
        }
    }

    /**
     * Waits until every dashboard shows at least {@code figure}, then gives how long after
     * {@code since} (a {@link System#nanoTime}) each was sent it, in milliseconds.
     */
    double[] awaitEvery(long figure, long since, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        double[] millis = new double[sockets.size()];
        for (int i = 0; i < millis.length; i++) {
            while (figures.get(i) < figure) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("dashboard " + i + " still shows " + figures.get(i) + ", not "
                            + figure + ", after " + patience.toSeconds() + " s");
                }
                Thread.sleep(1);
            }
            millis[i] = (sentAt.get(i) - since) / 1e6;
        }
        return millis;
    }

    @Override
    public void close() {
        sockets.forEach(GraphQLWebSocket::close);
    }
}
