package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** A dashboard names its query by hash, as Apollo Client's persisted-query link does, and sends the text once. */
class PersistedQueriesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String QUERY = "{ readModel { upToDate } unions { totalCount } }";

    @TempDir
    Path dataDirectory;

    private record Answer(int status, JsonNode body) {
    }

    private static String extensions(String hash) {
        return "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"" + hash + "\"}}";
    }

    private static Answer post(TestServer server, String query, String hash) throws Exception {
        String body = "{" + (query == null ? "" : "\"query\": " + JSON.writeValueAsString(query) + ", ")
                + "\"extensions\": " + extensions(hash) + "}";
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer get(TestServer server, String hash) throws Exception {
        return answer(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql?extensions="
                + URLEncoder.encode(extensions(hash), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) throws Exception {
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void a_hash_not_seen_yet_is_asked_for_then_answered_by_itself_over_post_and_get() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String hash = sha256(QUERY);

            Answer unknown = post(server, null, hash);
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.body().at("/errors/0/message").asText()).isEqualTo("PersistedQueryNotFound");
            assertThat(unknown.body().at("/errors/0/extensions/code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");

            Answer registered = post(server, QUERY, hash);
            assertThat(registered.status()).isEqualTo(200);
            assertThat(registered.body().at("/data/unions/totalCount").asInt()).isZero();

            assertThat(post(server, null, hash).body().path("data")).isEqualTo(registered.body().path("data"));
            Answer overGet = get(server, hash.toUpperCase());
            assertThat(overGet.status()).isEqualTo(200);
            assertThat(overGet.body().path("data")).isEqualTo(registered.body().path("data"));
        }
    }

    @Test
    void a_hash_that_is_not_the_querys_is_refused_and_nothing_is_kept_under_it() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String other = sha256("{ readModel { position } }");

            Answer mismatched = post(server, QUERY, other);

            assertThat(mismatched.status()).isEqualTo(400);
            assertThat(mismatched.body().at("/errors/0/message").asText())
                    .isEqualTo("the sha256Hash sent is not the SHA-256 of the query sent with it");
            assertThat(post(server, null, other).body().at("/errors/0/extensions/code").asText())
                    .isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        }
    }

    @Test
    void a_mutation_named_by_hash_is_still_refused_over_get() throws Exception {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String mutation = "mutation { dissolveUnion(input: {unionId: \"union-nope\", dissolvedOn: \"2000-01-01\"}) { position } }";
            String hash = sha256(mutation);
            post(server, mutation, hash);

            assertThat(get(server, hash).status()).isEqualTo(405);
        }
    }
}
