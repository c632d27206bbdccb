package org.unionanalytics.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A client of the server's live subscriptions, as a dashboard holds one: a WebSocket on /graphql
 * speaking graphql-transport-ws (on the JDK's WebSocket), handing every message after the
 * connection's acknowledgement to {@code received}.
 */
final class GraphQLWebSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final CompletableFuture<Void> acknowledged = new CompletableFuture<>();

    GraphQLWebSocket(HttpClient http, int port, Consumer<JsonNode> received) {
        this(http, port, null, received);
    }

    /**
     * Connects, and returns once the server has acknowledged the connection (subscriptions sent
     * before are refused); throws if the server closes it instead, as it does for a token it refuses.
     *
     * @param token a bearer token for the connection; null for none
     */
    GraphQLWebSocket(HttpClient http, int port, String token, Consumer<JsonNode> received) {
        socket = http.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/graphql"), new Listener(received)).join();
        send(token == null ? Map.of("type", "connection_init")
                : Map.of("type", "connection_init", "payload", Map.of("Authorization", "Bearer " + token)));
        acknowledged.orTimeout(10, TimeUnit.SECONDS).join();
    }

    void subscribe(String id, String query) {
        send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query)));
    }

    void complete(String id) {
        send(Map.of("id", id, "type", "complete"));
    }

    private void send(Map<String, Object> message) {
        try {
            socket.sendText(JSON.writeValueAsString(message), true).join();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** Puts a message's frames together and reads it as JSON. */
    private final class Listener implements WebSocket.Listener {

        private final Consumer<JsonNode> received;
        private final StringBuilder message = new StringBuilder();

        Listener(Consumer<JsonNode> received) {
            this.received = received;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
            message.append(part);
            if (last) {
                JsonNode read;
                try {
                    read = JSON.readTree(message.toString());
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("the server sent what is not JSON: " + message, e);
                }
                message.setLength(0);
                if (read.path("type").asText().equals("connection_ack")) {
                    acknowledged.complete(null);
                } else {
                    received.accept(read);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            acknowledged.completeExceptionally(new IllegalStateException("the server closed the connection: "
                    + statusCode + " " + reason));
            return null;
        }
    }
}
