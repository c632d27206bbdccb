package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to a running server over real HTTP, as any client would. */
final class GraphQLClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP answer: its status and its JSON body. */
    record Answer(int status, JsonNode body) {

        JsonNode data() {
            return body.path("data");
        }

        JsonNode firstError() {
            return body.path("errors").path(0);
        }

        String errorCode() {
            return firstError().path("extensions").path("code").asText();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;

    GraphQLClient(int port) {
        this(URI.create("http://127.0.0.1:" + port + "/graphql"), null);
    }

    private GraphQLClient(URI endpoint, String token) {
        this.endpoint = endpoint;
        this.token = token;
    }

    /** The same client, sending {@code token} as its bearer token (any string: tests send bad ones too). */
    GraphQLClient withToken(String token) {
        return new GraphQLClient(endpoint, token);
    }

    Answer post(String query) {
        return post(query, null);
    }

    /** Posts a query; with a position, the server answers once its read model has reached it. */
    Answer post(String query, String awaitPosition) {
        ObjectNode body = JSON.createObjectNode().put("query", query);
        if (awaitPosition != null) {
            body.putObject("extensions").put("awaitPosition", awaitPosition);
        }
        return postRaw(body.toString(), "application/json");
    }

    /** Posts a query asking, in the {@code Await-Position} header, for the read model to reach a position first. */
    Answer postAwaitingInHeader(String query, String awaitPosition) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json").header("Await-Position", awaitPosition)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("query", query).toString())).build());
    }

    Answer postRaw(String body, String contentType) {
        return send(HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    Answer get(String query) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri).header("Accept", "application/graphql-response+json").GET().build());
    }

    private Answer send(HttpRequest request) {
        if (token != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token).build();
        }
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), JSON.readTree(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("request to " + endpoint + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
