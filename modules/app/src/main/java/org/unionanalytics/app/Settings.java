package org.unionanalytics.app;

import org.unionanalytics.api.access.AccessSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What a server instance needs to know.
 *
 * @param dataDirectory   holds the event store ({@code events/}) and the read model ({@code readmodel.duckdb})
 * @param commandThreads  threads that run command handlers; concurrent commands share fsyncs
 * @param queryThreads    threads that execute GraphQL requests and read the read model
 * @param maxAwait        longest a query waits for the read model to reach a client's position
 * @param requestTimeout  longest a GraphQL request may run
 * @param queryTimeout    longest one analytics query may run before it is cancelled
 * @param keptAnswers     analytics answers kept while the read model stays at their position; 0 keeps none
 * @param liveInterval    the least time between two looks of live subscriptions for changes: their most frequent update
 * @param corsOrigins     the web origins whose pages may call the server over HTTP ({@code *}: any); empty for none
 * @param store           the event store; the read model is always in the data directory
 * @param access          how callers prove who they are: a token secret, an identity provider's keys, demo mode
 */
public record Settings(Path dataDirectory, String host, int port, int commandThreads, int queryThreads,
                       int projectionBatch, Duration maxAwait, Duration requestTimeout, Duration queryTimeout,
                       int keptAnswers, Duration liveInterval, List<String> corsOrigins, Store store,
                       AccessSettings access) {

    /** Below this, looking for changes would cost more than the changes it finds. */
    private static final Duration MIN_LIVE_INTERVAL = Duration.ofMillis(50);

    public Settings {
        corsOrigins = List.copyOf(corsOrigins);
        if (liveInterval.compareTo(MIN_LIVE_INTERVAL) < 0) {
            throw new IllegalArgumentException("live subscriptions cannot look for changes more often than every "
                    + MIN_LIVE_INTERVAL.toMillis() + " ms (asked: every " + liveInterval.toMillis() + " ms)");
        }
    }

    /** Loopback only and in demo mode, for tests and local use. */
    public static Settings defaults(Path dataDirectory, int port) {
        return new Settings(dataDirectory, "127.0.0.1", port, 8, 4, 20_000, Duration.ofSeconds(5), Duration.ofSeconds(30),
                Duration.ofSeconds(10), 256, Duration.ofSeconds(1), List.of("*"), Store.embedded(), AccessSettings.demoMode());
    }

    public Settings withCommandThreads(int threads) {
        return new Settings(dataDirectory, host, port, threads, queryThreads, projectionBatch, maxAwait, requestTimeout,
                queryTimeout, keptAnswers, liveInterval, corsOrigins, store, access);
    }

    public Settings withQueries(Duration timeout, int kept) {
        return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, timeout, kept, liveInterval, corsOrigins, store, access);
    }

    public Settings withLiveInterval(Duration interval) {
        return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, queryTimeout, keptAnswers, interval, corsOrigins, store, access);
    }

    public Settings withCorsOrigins(List<String> origins) {
        return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, queryTimeout, keptAnswers, liveInterval, origins, store, access);
    }

    public Settings withStore(Store chosen) {
        return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, queryTimeout, keptAnswers, liveInterval, corsOrigins, chosen, access);
    }

    public Settings withDataDirectory(Path directory) {
        return new Settings(directory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, queryTimeout, keptAnswers, liveInterval, corsOrigins, store, access);
    }

    public Settings withAccess(AccessSettings checked) {
        return new Settings(dataDirectory, host, port, commandThreads, queryThreads, projectionBatch, maxAwait,
                requestTimeout, queryTimeout, keptAnswers, liveInterval, corsOrigins, store, checked);
    }
}
