package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One dashboard's socket for the tests: what the server sends, in order, read one message at a time. */
final class LiveClient implements AutoCloseable {

    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final GraphQLWebSocket socket;

    LiveClient(int port) {
        this(port, null);
    }

    /** @param token a bearer token sent in the connection's init payload; null for none */
    LiveClient(int port, String token) {
        socket = new GraphQLWebSocket(HttpClient.newHttpClient(), port, token, received::add);
    }

    void subscribe(String id, String query) {
        socket.subscribe(id, query);
    }

    void complete(String id) {
        socket.complete(id);
    }

    /** The next message from the server, or null if none came within {@code patience}. */
    JsonNode next(Duration patience) {
        try {
            return received.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
