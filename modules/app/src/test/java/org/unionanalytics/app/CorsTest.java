package org.unionanalytics.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dashboard's page served from another origin calls the server with its token, as browsers allow it to. */
class CorsTest {

    private static final String DASHBOARD = "https://dashboard.unions.example";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDirectory;

    /** What a browser asks before a page of {@code origin} may POST a query with a token. */
    private static HttpResponse<String> preflight(TestServer server, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> query(TestServer server, String origin) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ readModel { upToDate } }\"}"))
                .header("Origin", origin).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void by_default_a_page_of_any_origin_may_send_queries_with_a_token() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            HttpResponse<String> allowed = preflight(server, DASHBOARD);

            assertThat(allowed.statusCode()).isBetween(200, 204);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers").orElse("").toLowerCase())
                    .contains("authorization").contains("content-type");
            HttpResponse<String> answered = query(server, DASHBOARD);
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        }
    }

    @Test
    void a_server_that_names_its_origins_refuses_other_pages() throws Exception {
        try (TestServer server = TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().corsOrigins(List.of(DASHBOARD)).build())) {
            assertThat(preflight(server, DASHBOARD).headers().firstValue("Access-Control-Allow-Origin")).hasValue(DASHBOARD);
            assertThat(preflight(server, "https://elsewhere.example").statusCode()).isEqualTo(403);
            assertThat(query(server, "http://127.0.0.1:" + server.port()).statusCode())
                    .as("the server's own pages (GraphiQL) name its origin on their POSTs").isEqualTo(200);
        }
    }

    @Test
    void a_server_without_origins_sends_no_cross_origin_permission() throws Exception {
        try (TestServer server = TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().corsOrigins(List.of()).build())) {
            HttpResponse<String> answered = query(server, DASHBOARD);

            assertThat(answered.statusCode()).as("the server answers; the browser keeps it from the page").isEqualTo(200);
            assertThat(answered.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }
}
