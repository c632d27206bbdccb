package org.unionanalytics.app;

import java.nio.file.Path;

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

    static TestServer start(Settings settings) {
        return new TestServer(UnionAnalytics.start(settings));
    }

    Node node() {
        return server.node();
    }

    @Override
    public void close() {
        server.close();
    }
}
