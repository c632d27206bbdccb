package org.unionanalytics.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The bench's load: a request left unanswered is counted out, and the load goes on. */
class HttpLoadTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    @Test
    void a_load_goes_on_past_a_request_left_unanswered_and_counts_only_the_answered_ones() {
        AtomicBoolean firstIgnored = new AtomicBoolean();
        Set<String> authorizations = ConcurrentHashMap.newKeySet();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            if (firstIgnored.compareAndSet(false, true)) {
                return; // this one is never answered
            }
            request.response().putHeader("Content-Type", "application/json").end("{\"data\":{}}");
        }).listen(0).await();
        try (HttpLoad http = new HttpLoad("the-token")) {
            double rate = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> http.requestsPerSecond(server.actualPort(), "{ hello }", 2, Duration.ofSeconds(1)));
            assertThat(firstIgnored).isTrue();
            assertThat(rate).isPositive();
            assertThat(authorizations).containsExactly("Bearer the-token");
        }
    }
}
