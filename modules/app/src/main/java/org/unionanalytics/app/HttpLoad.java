package org.unionanalytics.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/** A bounded load on loopback: a fixed number of requests in flight, for a fixed time. */
final class HttpLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Successful requests per second. */
    double requestsPerSecond(int port, String query, int concurrency, Duration duration) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"" + query.replace("\"", "\\\"") + "\"}")).build();
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicLong done = new AtomicLong();
        CompletableFuture<?>[] workers = new CompletableFuture<?>[concurrency];
        for (int i = 0; i < concurrency; i++) {
            workers[i] = loop(request, deadline, done);
        }
        CompletableFuture.allOf(workers).join();
        return done.get() / (duration.toNanos() / 1e9);
    }

    private CompletableFuture<Void> loop(HttpRequest request, long deadline, AtomicLong done) {
        if (System.nanoTime() >= deadline) {
            return CompletableFuture.completedFuture(null);
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenCompose(response -> {
            if (response.statusCode() == 200) {
                done.incrementAndGet();
            }
            return loop(request, deadline, done);
        });
    }

    String post(int port, String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper()
                            .createObjectNode().put("query", query).toString())).build();
            String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            if (body.contains("\"errors\"")) {
                throw new IllegalStateException("the benchmark query failed: " + body);
            }
            return body;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
