package org.unionanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests on loopback: a bounded load from Vert.x's own HTTP client (a fixed number of requests in
 * flight for a fixed time; the JDK's HttpClient, tried first, saturated at a tenth of what the
 * server takes), and single timed requests on a plain socket.
 */
final class HttpLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A request unanswered this long fails the benchmark instead of hanging it. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private final Vertx vertx = Vertx.vertx();
    /** The one event loop every load request is made and settled on, so the load adds no thread hand-offs of its own. */
    private final Context loadLoop = vertx.getOrCreateContext();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(64));
    private Socket socket;
    private DataInputStream answers;
    /** The Authorization header every request carries, as a client of a server out of demo mode sends it; null for none. */
    private final String authorization;

    /** @param token the bearer token to send; null sends none (a server in demo mode) */
    HttpLoad(String token) {
        this.authorization = token == null ? null : "Bearer " + token;
    }

    /**
     * A load request unanswered this long, or waiting this long for a pooled connection, counts as
     * failed and the load goes on: a server that leaves a request unanswered must not stop the bench.
     */
    private static final Duration LOAD_PATIENCE = Duration.ofSeconds(5);

    private Future<Buffer> send(int port, String body) {
        return http.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(port).setHost("127.0.0.1")
                        .setURI("/graphql").setIdleTimeout(LOAD_PATIENCE.toMillis())
                        .setConnectTimeout(LOAD_PATIENCE.toMillis()))
                .compose(request -> {
                    request.putHeader("Content-Type", "application/json");
                    if (authorization != null) {
                        request.putHeader("Authorization", authorization);
                    }
                    return request.send(body).compose(HttpClientResponse::body);
                })
                // whatever the client's own timeouts miss: a request it never settles would stop its load loop
                .timeout(LOAD_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String body(String query) {
        return JSON.createObjectNode().put("query", query).toString();
    }

    /** Answered requests per second. */
    double requestsPerSecond(int port, String query, int concurrency, Duration duration) throws InterruptedException {
        String body = body(query);
        long deadline = System.nanoTime() + duration.toNanos();
        Load load = new Load(port, body, deadline, new AtomicLong(), new AtomicLong(), new AtomicReference<>(),
                new CountDownLatch(concurrency));
        loadLoop.runOnContext(start -> {
            for (int i = 0; i < concurrency; i++) {
                next(load);
            }
        });
        // the last request may wait for a connection and then for its answer
        if (!load.finished().await(duration.plus(LOAD_PATIENCE.multipliedBy(2)).plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the load on port " + port + " did not finish: requests went unanswered");
        }
        if (load.failed().get() > 0) {
            System.out.printf("(%,d of the load's requests failed or went unanswered for %d s, not counted; the first: %s)%n",
                    load.failed().get(), LOAD_PATIENCE.toSeconds(), load.firstFailure().get());
        }
        return load.answered().get() / (duration.toNanos() / 1e9);
    }

    /** One load: where it goes, until when, and what came of its requests so far. */
    private record Load(int port, String body, long deadline, AtomicLong answered, AtomicLong failed,
                        AtomicReference<Throwable> firstFailure, CountDownLatch finished) {
    }

    /** One connection's worth of the load: a request, and the next once it is settled. */
    private void next(Load load) {
        if (System.nanoTime() >= load.deadline()) {
            load.finished().countDown();
            return;
        }
        send(load.port(), load.body()).onComplete(result -> {
            if (result.succeeded()) {
                load.answered().incrementAndGet();
            } else {
                load.failed().incrementAndGet();
                load.firstFailure().compareAndSet(null, result.cause());
            }
            next(load);
        });
    }

    /**
     * One request, waited for; a GraphQL error fails the benchmark rather than timing an error.
     * Written on a plain kept-alive socket, so a latency figure holds almost nothing of the client:
     * the JDK's client adds about 3 ms a request on loopback.
     */
    String post(int port, String query) {
        try {
            if (socket == null || socket.getPort() != port) {
                closeSocket();
                socket = new Socket("127.0.0.1", port);
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) PATIENCE.toMillis());
                answers = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
            }
            byte[] body = body(query).getBytes(StandardCharsets.UTF_8);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = readAnswer(answers);
            if (answer.contains("\"errors\"")) {
                throw new IllegalStateException("the benchmark query failed: " + answer);
            }
            return answer;
        } catch (IOException e) {
            closeSocket();
            throw new UncheckedIOException("the benchmark request failed: " + e.getMessage(), e);
        }
    }

    /** The server answers with a Content-Length; the status line and headers end with an empty line. */
    private static String readAnswer(DataInputStream in) throws IOException {
        int length = -1;
        for (String line = headerLine(in); !line.isEmpty(); line = headerLine(in)) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (length < 0) {
            throw new IOException("the answer has no Content-Length");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String headerLine(DataInputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void closeSocket() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // it is being replaced or the load is over
            }
            socket = null;
        }
    }

    @Override
    public void close() {
        closeSocket();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
