package org.unionanalytics.api.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;

/** A GraphQL-over-HTTP request, from a GET's query string or a POST's JSON body. */
record GraphQLRequest(String query, String operationName, Map<String, Object> variables, Map<String, Object> extensions) {

    static GraphQLRequest from(RoutingContext context) {
        if (context.request().method().name().equals("GET")) {
            return new GraphQLRequest(context.queryParams().get("query"), context.queryParams().get("operationName"),
                    json(context.queryParams().get("variables"), "variables"),
                    json(context.queryParams().get("extensions"), "extensions"));
        }
        String contentType = String.valueOf(context.request().getHeader("Content-Type"));
        if (!contentType.startsWith("application/json")) {
            throw new BadRequest(415, "send the request as application/json (got " + contentType + ")");
        }
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            throw new BadRequest(400, "the request body is not a JSON object: " + e.getMessage());
        }
        if (body == null) {
            throw new BadRequest(400, "the request body is empty; send {\"query\": \"...\"}");
        }
        Object query = body.getValue("query");
        if (query != null && !(query instanceof String)) {
            throw new BadRequest(400, "query must be a string");
        }
        return new GraphQLRequest((String) query, body.getString("operationName"), map(body.getValue("variables"),
                "variables"), map(body.getValue("extensions"), "extensions"));
    }

    private static Map<String, Object> json(String text, String what) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return new JsonObject(text).getMap();
        } catch (DecodeException e) {
            throw new BadRequest(400, what + " is not a JSON object: " + e.getMessage());
        }
    }

    private static Map<String, Object> map(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof JsonObject object) {
            return object.getMap();
        }
        throw new BadRequest(400, what + " must be a JSON object");
    }

    GraphQLRequest withQuery(String text) {
        return new GraphQLRequest(text, operationName, variables, extensions);
    }

    /** The request cannot be executed at all; answered with an HTTP error status and an error code. */
    static final class BadRequest extends RuntimeException {

        final int status;
        final String code;

        BadRequest(int status, String message) {
            this(status, message, "BAD_REQUEST");
        }

        BadRequest(int status, String message, String code) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }
}
