package org.unionanalytics.app;

import java.nio.file.Path;
import java.time.Duration;

/** A real server in this JVM, on a free port and a data directory of the test's. */
final class TestServer implements AutoCloseable {

    private final UnionAnalytics server;
    final GraphQLClient client;

    private TestServer(UnionAnalytics server) {
        this.server = server;
        this.client = new GraphQLClient(server.port());
    }

    static TestServer start(Path dataDirectory) {
        return start(Settings.defaults(dataDirectory, 0));
    }

    /** The defaults, but waiting at most {@code maxAwait} for a position and {@code requestTimeout} for a request. */
    static Settings patience(Path dataDirectory, Duration maxAwait, Duration requestTimeout) {
        return Settings.defaults(dataDirectory, 0).toBuilder().patience(maxAwait, requestTimeout).build();
    }

    static TestServer start(Settings settings) {
        return new TestServer(UnionAnalytics.start(settings));
    }

    int port() {
        return server.port();
    }

    Node node() {
        return server.node();
    }

    @Override
    public void close() {
        server.close();
    }
}
