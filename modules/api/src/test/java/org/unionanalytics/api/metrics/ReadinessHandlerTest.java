package org.unionanalytics.api.metrics;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A probe hears whether this node's answers are current: ready within the events allowed of the log. */
class ReadinessHandlerTest {

    private static final long UNREADABLE = -1;
    private static final long ALLOWED = 1_000;
    private static final AtomicLong lag = new AtomicLong();
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void serve() {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/ready").handler(new ReadinessHandler(ALLOWED, () -> {
            if (lag.get() == UNREADABLE) {
                throw new IllegalStateException("connection refused");
            }
            return lag.get();
        }));
        server = vertx.createHttpServer().requestHandler(router).listen(0).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static HttpResponse<String> probe() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void a_node_within_the_events_allowed_of_the_log_is_ready_and_one_further_behind_is_catching_up() throws Exception {
        lag.set(ALLOWED);
        HttpResponse<String> ready = probe();
        lag.set(ALLOWED + 1);
        HttpResponse<String> behind = probe();

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(ready.body())).isEqualTo(new JsonObject().put("status", "READY").put("lag", 1_000));
        assertThat(behind.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(behind.body())).isEqualTo(new JsonObject().put("status", "CATCHING_UP").put("lag", 1_001));
    }

    @Test
    void a_node_that_cannot_read_its_event_log_is_not_ready_and_says_why() throws Exception {
        lag.set(UNREADABLE);
        HttpResponse<String> unknown = probe();

        assertThat(unknown.statusCode()).isEqualTo(503);
        assertThat(new JsonObject(unknown.body()).getString("reason")).isEqualTo("the event log could not be read: connection refused");
    }
}
