package org.unionanalytics.api.access;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** An identity provider's public keys, a JSON Web Key Set ({@code {"keys": [...]}}), read from its URL or a file. */
final class KeySet {

    private static final long PATIENCE_MILLIS = 10_000;

    private final Vertx vertx;
    private final String source;

    KeySet(Vertx vertx, String source) {
        this.vertx = vertx;
        this.source = source;
    }

    /**
     * The keys, or a failure that says why not, within twice the connection's patience whatever the
     * provider does: a test run once waited in {@code Tokens.create} for minutes on a reading that
     * never ended, and a server must not start that way.
     */
    Future<List<JsonObject>> read() {
        Future<Buffer> body = source.startsWith("https://") || source.startsWith("http://")
                ? fetch() : vertx.fileSystem().readFile(source);
        return body.timeout(2 * PATIENCE_MILLIS, TimeUnit.MILLISECONDS).map(KeySet::keysIn)
                .recover(failure -> Future.failedFuture(new IllegalStateException(
                        "could not read the identity provider's key set from " + source + ": " + failure.getMessage(), failure)));
    }

    /** A client of its own for each reading (readings are rare: at start and when a token names an unknown key), closed after it. */
    private Future<Buffer> fetch() {
        HttpClientAgent client = vertx.createHttpClient();
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(source)
                        .setConnectTimeout(PATIENCE_MILLIS).setIdleTimeout(PATIENCE_MILLIS))
                .compose(request -> request.send().compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("it answered HTTP " + response.statusCode())))
                .eventually(client::close);
    }

    private static List<JsonObject> keysIn(Buffer body) {
        JsonArray keys = new JsonObject(body).getJsonArray("keys");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("it holds no \"keys\"");
        }
        return keys.stream().map(JsonObject.class::cast).toList();
    }
}
