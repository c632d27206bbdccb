package org.unionanalytics.app;

import org.unionanalytics.api.access.AccessSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a server instance needs to know.
 *
 * @param dataDirectory   holds the event store ({@code events/}) and the read model ({@code readmodel/})
 * @param commandThreads  threads that run command handlers; concurrent commands share fsyncs
 * @param queryThreads    threads that execute GraphQL requests and read the read model
 * @param maxAwait        longest a query waits for the read model to reach a client's position
 * @param requestTimeout  longest a GraphQL request may run
 * @param queryTimeout    longest one analytics query may run before it is cancelled
 * @param keptAnswers     analytics answers kept while the read model stays at their position; 0 keeps none
 * @param liveInterval    the least time between two looks of live subscriptions for changes: their most frequent update
 * @param maxSubscriptions the most live subscriptions and event feeds held at once
 * @param readyLag        the most events the read model may trail the event log by while {@code /ready} says ready
 * @param corsOrigins     the web origins whose pages may call the server over HTTP ({@code *}: any); empty for none
 * @param store           the event store; the read model is always in the data directory
 * @param access          how callers prove who they are: a token secret, an identity provider's keys, demo mode
 */
public record Settings(Path dataDirectory, String host, int port, int commandThreads, int queryThreads,
                       int projectionBatch, Duration maxAwait, Duration requestTimeout, Duration queryTimeout,
                       int keptAnswers, Duration liveInterval, int maxSubscriptions, long readyLag,
                       List<String> corsOrigins, Store store, AccessSettings access) {

    /** Below this, looking for changes would cost more than the changes it finds. */
    private static final Duration MIN_LIVE_INTERVAL = Duration.ofMillis(50);
    /** Some kilobytes each: 10,000 take about 60 MB of heap, a dashboard wall with room to spare. */
    private static final int MAX_SUBSCRIPTIONS = 10_000;
    /** About a second of writes at a busy federation's pace: a node this close answers what a user just did. */
    private static final long READY_LAG = 1_000;

    public Settings {
        corsOrigins = List.copyOf(corsOrigins);
        if (readyLag < 0) {
            throw new IllegalArgumentException("the read model's lag for readiness is a number of events, 0 or more (asked: "
                    + readyLag + ")");
        }
        if (maxSubscriptions < 1) {
            throw new IllegalArgumentException("the server must be able to hold at least one subscription (asked: at most "
                    + maxSubscriptions + ")");
        }
        if (liveInterval.compareTo(MIN_LIVE_INTERVAL) < 0) {
            throw new IllegalArgumentException("live subscriptions cannot look for changes more often than every "
                    + MIN_LIVE_INTERVAL.toMillis() + " ms (asked: every " + liveInterval.toMillis() + " ms)");
        }
    }

    /** Loopback only and in demo mode, for tests and local use. */
    public static Settings defaults(Path dataDirectory, int port) {
        return new Settings(dataDirectory, "127.0.0.1", port, 8, 4, 20_000, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 256, Duration.ofSeconds(1), MAX_SUBSCRIPTIONS, READY_LAG, List.of("*"), Store.embedded(),
                AccessSettings.demoMode());
    }

    /** These settings, to change some of them: {@code settings.toBuilder().commandThreads(64).build()}. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Settings changed one at a time, each by its name, the rest kept. */
    public static final class Builder {
        private Path dataDirectory;
        private String host;
        private int port;
        private int commandThreads;
        private int queryThreads;
        private int projectionBatch;
        private Duration maxAwait;
        private Duration requestTimeout;
        private Duration queryTimeout;
        private int keptAnswers;
        private Duration liveInterval;
        private int maxSubscriptions;
        private long readyLag;
        private List<String> corsOrigins;
        private Store store;
        private AccessSettings access;

        private Builder(Settings from) {
            dataDirectory = from.dataDirectory;
            host = from.host;
            port = from.port;
            commandThreads = from.commandThreads;
            queryThreads = from.queryThreads;
            projectionBatch = from.projectionBatch;
            maxAwait = from.maxAwait;
            requestTimeout = from.requestTimeout;
            queryTimeout = from.queryTimeout;
            keptAnswers = from.keptAnswers;
            liveInterval = from.liveInterval;
            maxSubscriptions = from.maxSubscriptions;
            readyLag = from.readyLag;
            corsOrigins = from.corsOrigins;
            store = from.store;
            access = from.access;
        }

        public Builder dataDirectory(Path directory) {
            dataDirectory = directory;
            return this;
        }

        public Builder listenOn(String address, int chosenPort) {
            host = address;
            port = chosenPort;
            return this;
        }

        public Builder commandThreads(int threads) {
            commandThreads = threads;
            return this;
        }

        public Builder queryThreads(int threads) {
            queryThreads = threads;
            return this;
        }

        public Builder projectionBatch(int events) {
            projectionBatch = events;
            return this;
        }

        public Builder patience(Duration awaitingPosition, Duration perRequest) {
            maxAwait = awaitingPosition;
            requestTimeout = perRequest;
            return this;
        }

        public Builder queryTimeout(Duration timeout) {
            queryTimeout = timeout;
            return this;
        }

        public Builder keptAnswers(int answers) {
            keptAnswers = answers;
            return this;
        }

        public Builder liveInterval(Duration interval) {
            liveInterval = interval;
            return this;
        }

        public Builder maxSubscriptions(int most) {
            maxSubscriptions = most;
            return this;
        }

        public Builder readyLag(long events) {
            readyLag = events;
            return this;
        }

        public Builder corsOrigins(List<String> origins) {
            corsOrigins = origins;
            return this;
        }

        public Builder store(Store chosen) {
            store = chosen;
            return this;
        }

        public Builder access(AccessSettings checked) {
            access = checked;
            return this;
        }

        public Settings build() {
            return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                    requestTimeout, queryTimeout, keptAnswers, liveInterval, maxSubscriptions, readyLag, corsOrigins, store,
                    access);
        }
    }
}
