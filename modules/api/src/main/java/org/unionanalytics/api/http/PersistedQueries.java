package org.unionanalytics.api.http;

import org.unionanalytics.readmodel.LastUsed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Automatic persisted queries, as Apollo Client's persisted-query link sends them: a request may name
 * its query by the SHA-256 of its text ({@code extensions.persistedQuery.sha256Hash}) and leave the text
 * out. A query this server has not kept is asked for ({@code PERSISTED_QUERY_NOT_FOUND}), and the client
 * sends it once with its hash. Dashboards then send a hash instead of the text, and a GET small enough
 * for a CDN to cache. Each server keeps its own; behind a load balancer a client may be asked once per node.
 */
final class PersistedQueries {

    private static final int KEPT = 1_000;
    static final String NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND";

    private final LastUsed<String, String> queries = new LastUsed<>(KEPT);

    /** The request with its query's text: as sent, or kept under the hash it names. */
    GraphQLRequest resolve(GraphQLRequest request) {
        Object persisted = request.extensions().get("persistedQuery");
        if (persisted == null) {
            return request;
        }
        if (!(persisted instanceof Map<?, ?> named) || !(named.get("version") instanceof Number version)
                || version.intValue() != 1 || !(named.get("sha256Hash") instanceof String hash)) {
            throw new GraphQLRequest.BadRequest(400, "persistedQuery takes {\"version\": 1, \"sha256Hash\": \"<hex>\"}");
        }
        String key = hash.toLowerCase(Locale.ROOT);
        if (request.query() == null || request.query().isBlank()) {
            String kept = queries.get(key);
            if (kept == null) {
                // the message Apollo's link looks for, to send the query with its hash
                throw new GraphQLRequest.BadRequest(400, "PersistedQueryNotFound", NOT_FOUND);
            }
            return request.withQuery(kept);
        }
        if (!sha256(request.query()).equals(key)) {
            throw new GraphQLRequest.BadRequest(400, "the sha256Hash sent is not the SHA-256 of the query sent with it");
        }
        if (request.query().length() <= GraphQLHttpHandler.MAX_QUERY_LENGTH) {
            queries.put(key, request.query());
        }
        return request;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
