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

/** An identity provider's public keys, a JSON Web Key Set ({@code {"keys": [...]}}), read from its URL or a file. */
final class KeySet {

    private static final long PATIENCE_MILLIS = 10_000;

    private KeySet() {
    }

    static Future<List<JsonObject>> read(Vertx vertx, String source) {
        Future<Buffer> body = source.startsWith("https://") || source.startsWith("http://")
                ? fetch(vertx, source) : vertx.fileSystem().readFile(source);
        return body.map(KeySet::keysIn).recover(failure -> Future.failedFuture(new IllegalStateException(
                "could not read the identity provider's key set from " + source + ": " + failure.getMessage(), failure)));
    }

    private static Future<Buffer> fetch(Vertx vertx, String url) {
        HttpClientAgent client = vertx.createHttpClient();
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                        .setConnectTimeout(PATIENCE_MILLIS).setIdleTimeout(PATIENCE_MILLIS))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("it answered HTTP " + response.statusCode()))
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
