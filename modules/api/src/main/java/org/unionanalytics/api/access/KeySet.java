package org.unionanalytics.api.access;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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

    /**
     * A client of its own for each reading (readings are rare), closed after it. Every step runs on the client's one
     * event loop: a response whose body is asked for from another thread (the caller's, when a server starts) can end
     * before the body's future exists, and the reading then waits until its timeout (vert.x issue 6038, mended after
     * the 5.0.7 this server uses; a client kept for a second reading, tried once, waited the same way).
     */
    private Future<Buffer> fetch() {
        Promise<Buffer> body = Promise.promise();
        vertx.runOnContext(onLoop -> {
            HttpClientAgent client = vertx.createHttpClient();
            client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(source)
                            .setConnectTimeout(PATIENCE_MILLIS).setIdleTimeout(PATIENCE_MILLIS))
                    .compose(request -> request.send().compose(response -> response.statusCode() == 200 ? response.body()
                            : Future.failedFuture("it answered HTTP " + response.statusCode())))
                    .eventually(client::close)
                    .onComplete(body);
        });
        return body.future();
    }

    private static List<JsonObject> keysIn(Buffer body) {
        JsonArray keys = new JsonObject(body).getJsonArray("keys");
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("it holds no \"keys\"");
        }
        return keys.stream().map(JsonObject.class::cast).toList();
    }
}
