package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ToLongFunction;

/**
 * Dashboards for the bench: clients holding one live subscription each over graphql-transport-ws
 * (on the JDK's WebSocket), each remembering the latest figure it was sent and when.
 */
final class LiveDashboards implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<WebSocket> sockets = new ArrayList<>();
    private final AtomicLongArray figures;
    private final AtomicLongArray sentAt;

    /** @param figure reads the watched figure from a {@code next} message's payload */
    LiveDashboards(int port, int count, String subscription, ToLongFunction<JsonNode> figure) {
        figures = new AtomicLongArray(count);
        sentAt = new AtomicLongArray(count);
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < count; i++) {
            figures.set(i, Long.MIN_VALUE);
            WebSocket socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Dashboard(i, figure)).join();
            socket.sendText("{\"type\":\"connection_init\"}", true).join();
            socket.sendText(JSON.createObjectNode().put("id", "live").put("type", "subscribe")
                    .set("payload", JSON.createObjectNode().put("query", subscription)).toString(), true).join();
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
        sockets.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join());
    }

    private final class Dashboard implements WebSocket.Listener {

        private final int index;
        private final ToLongFunction<JsonNode> figure;
        private final StringBuilder message = new StringBuilder();

        Dashboard(int index, ToLongFunction<JsonNode> figure) {
            this.index = index;
            this.figure = figure;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence part, boolean last) {
            message.append(part);
            if (last) {
                try {
                    JsonNode received = JSON.readTree(message.toString());
                    if (received.path("type").asText().equals("next")) {
                        sentAt.set(index, System.nanoTime());
                        figures.set(index, figure.applyAsLong(received.path("payload")));
                    }
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("the server sent what is not JSON: " + message, e);
                }
                message.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
