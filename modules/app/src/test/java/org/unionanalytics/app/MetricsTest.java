package org.unionanalytics.app;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.api.access.AccessSettings;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator's view at /metrics: the read model's lag and projector, requests and commands by outcome, kept answers, the JVM. */
class MetricsTest {

    private static final String ESTABLISH = "mutation { establishUnion(input: {id: \"union-ningbo\", name: \"Ningbo\", "
            + "kind: MUNICIPAL_FEDERATION, foundedOn: \"1950-01-01\", commandId: \"city\"}) { position } }";

    @TempDir
    Path dataDirectory;

    @Test
    void commands_requests_and_the_read_models_position_are_counted_as_they_happen() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String position = server.client.post(ESTABLISH).data().at("/establishUnion/position").asText();
            server.client.post(ESTABLISH);
            server.client.post("mutation { dissolveUnion(input: {unionId: \"union-nope\", dissolvedOn: \"2000-01-01\"}) { position } }");
            server.client.post("{ readModel { upToDate } }", position);

            // a request is counted once its answer has been written, which the client may see first
            await().atMost(Duration.ofSeconds(5)).until(() -> scrape(server, null).body().contains("ua_requests_seconds_count{outcome=\"ok\"} 3"));
            String metrics = scrape(server, null).body();

            assertThat(value(metrics, "ua_commands_total{result=\"stored\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_commands_total{result=\"repeated\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_commands_total{result=\"refused\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_requests_seconds_count{outcome=\"ok\"}")).isEqualTo(3);
            assertThat(value(metrics, "ua_requests_seconds_count{outcome=\"errors\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_event_log_position")).isEqualTo(Double.parseDouble(position));
            assertThat(value(metrics, "ua_read_model_position")).isEqualTo(Double.parseDouble(position));
            assertThat(value(metrics, "ua_read_model_lag_events")).isZero();
            assertThat(metrics).contains("jvm_memory_used_bytes").contains("jvm_threads_live_threads").contains("process_cpu_usage");
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/ready")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"READY\",\"lag\":0}");
        }
    }

    @Test
    void the_projectors_batches_and_the_questions_kept_answers_spared_duckdb_are_counted() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String position = server.client.post(ESTABLISH).data().at("/establishUnion/position").asText();
            String question = "{ analytics { unions { unions } } }";
            server.client.post(question, position);
            server.client.post(question);

            String metrics = scrape(server, null).body();

            assertThat(value(metrics, "ua_cube_answers_total{source=\"computed\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_cube_answers_total{source=\"kept\"}")).isEqualTo(1);
            assertThat(value(metrics, "ua_projection_events_total")).isEqualTo(1);
            assertThat(value(metrics, "ua_projection_batches_seconds_count")).isEqualTo(1);
            assertThat(value(metrics, "ua_projection_batches_seconds_sum")).isPositive();
        }
    }

    @Test
    void out_of_demo_mode_the_metrics_are_for_a_monitor_who_may_do_nothing_else_and_for_the_admin() throws Exception {
        String secret = "a-test-secret-of-at-least-32-characters";
        Vertx vertx = Vertx.vertx();
        try (TestServer server = TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().access(AccessSettings.sharedSecret(secret)).build())) {
            Tokens tokens = Tokens.create(vertx, AccessSettings.sharedSecret(secret));
            String analyst = tokens.issue("alice", EnumSet.of(Role.ANALYST), Duration.ofMinutes(5));
            String monitor = tokens.issue("prometheus", EnumSet.of(Role.MONITOR), Duration.ofMinutes(5));
            String admin = tokens.issue("root", EnumSet.of(Role.ADMIN), Duration.ofMinutes(5));

            assertThat(scrape(server, null).statusCode()).isEqualTo(401);
            HttpResponse<String> refused = scrape(server, analyst);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("the metrics need the monitor role; alice does not have it");
            assertThat(scrape(server, admin).statusCode()).isEqualTo(200);
            assertThat(server.client.withToken(monitor).post("{ unions { totalCount } }").errorCode()).isEqualTo("FORBIDDEN");
            HttpResponse<String> scraped = scrape(server, monitor);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
            assertThat(scraped.body()).contains("ua_read_model_lag_events 0.0");
        } finally {
            vertx.close();
        }
    }

    @Test
    void the_subscriptions_held_are_counted_until_they_end() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            assertThat(value(scrape(server, null).body(), "ua_subscriptions")).isZero();
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(Duration.ofSeconds(10))).isNotNull();
            assertThat(value(scrape(server, null).body(), "ua_subscriptions")).isEqualTo(1);
            live.complete("unions");
            await().atMost(Duration.ofSeconds(5)).until(() -> value(scrape(server, null).body(), "ua_subscriptions") == 0);
        }
    }

    private static HttpResponse<String> scrape(TestServer server, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics")).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static double value(String metrics, String series) {
        Matcher line = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(line.find()).as("%s in%n%s", series, metrics).isTrue();
        return Double.parseDouble(line.group(1));
    }
}
