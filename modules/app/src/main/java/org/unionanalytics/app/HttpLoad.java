package org.unionanalytics.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load on loopback, from Vert.x's own HTTP client: a fixed number of requests in flight
 * for a fixed time. (The JDK's HttpClient, tried first, saturated at a tenth of what the server takes.)
 */
final class HttpLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx = Vertx.vertx();
    private final HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(64));

    private Future<Buffer> send(int port, String body) {
        return http.request(HttpMethod.POST, port, "127.0.0.1", "/graphql")
                .compose(request -> request.putHeader("Content-Type", "application/json").send(body))
                .compose(HttpClientResponse::body);
    }

    private static String body(String query) {
        return JSON.createObjectNode().put("query", query).toString();
    }

    /** Answered requests per second. */
    double requestsPerSecond(int port, String query, int concurrency, Duration duration) throws InterruptedException {
        String body = body(query);
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            loop(port, body, deadline, done, finished);
        }
        finished.await();
        return done.get() / (duration.toNanos() / 1e9);
    }

    private void loop(int port, String body, long deadline, AtomicLong done, CountDownLatch finished) {
        if (System.nanoTime() >= deadline) {
            finished.countDown();
            return;
        }
        send(port, body).onComplete(result -> {
            if (result.succeeded()) {
                done.incrementAndGet();
            }
            loop(port, body, deadline, done, finished);
        });
    }

    /** One request, waited for; a GraphQL error fails the benchmark rather than timing an error. */
    String post(int port, String query) {
        String answer = send(port, body(query)).toCompletionStage().toCompletableFuture().join().toString();
        if (answer.contains("\"errors\"")) {
            throw new IllegalStateException("the benchmark query failed: " + answer);
        }
        return answer;
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
