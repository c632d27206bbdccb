package org.unionanalytics.app;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the server: GraphQL over HTTP, on the chosen event store (embedded RocksDB by default) "
                + "and a local read model (DuckDB).")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--data-dir", defaultValue = "data",
            description = "Directory of the event store (events/) and the read model (readmodel/); "
                    + "created if missing, one server at a time. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--command-threads", defaultValue = "8",
            description = "Threads running commands; concurrent commands share disk syncs. Default: ${DEFAULT-VALUE}.")
    int commandThreads;

    @Option(names = "--query-threads", defaultValue = "4",
            description = "Threads executing GraphQL requests against the read model. Default: ${DEFAULT-VALUE}.")
    int queryThreads;

    @Option(names = "--projection-batch", defaultValue = "20000",
            description = "Most events the read model applies in one transaction. Default: ${DEFAULT-VALUE}.")
    int projectionBatch;

    @Option(names = "--request-timeout", defaultValue = "30",
            description = "Seconds a GraphQL request may run before it is abandoned. Default: ${DEFAULT-VALUE}.")
    int requestTimeoutSeconds;

    @Option(names = "--query-timeout", defaultValue = "10",
            description = "Seconds one analytics query may run before it is cancelled. Default: ${DEFAULT-VALUE}.")
    int queryTimeoutSeconds;

    @Option(names = "--kept-answers", defaultValue = "256",
            description = "Analytics answers kept until a write changes a table they read (0: none). Default: ${DEFAULT-VALUE}.")
    int keptAnswers;

    @Option(names = "--live-interval", defaultValue = "1000",
            description = "Least milliseconds between two looks for changes to live subscriptions' answers: how often "
                    + "at most a dashboard is sent a new answer while writes stream in (a lone write is looked at as "
                    + "soon as the read model has it). Default: ${DEFAULT-VALUE}.")
    long liveIntervalMillis;

    @Option(names = "--max-subscriptions", defaultValue = "10000",
            description = "Most live subscriptions and event feeds held at once (some kilobytes of memory each); past "
                    + "it a subscription is refused with LIMIT_EXCEEDED. Default: ${DEFAULT-VALUE}.")
    int maxSubscriptions;

    @Option(names = "--ready-lag", defaultValue = "1000",
            description = "Most events the read model may trail the event log by while GET /ready answers 200 READY "
                    + "(beyond it, 503 CATCHING_UP). Default: ${DEFAULT-VALUE}.")
    long readyLag;

    @Option(names = "--cors-origins", split = ",", defaultValue = "*",
            description = "Web origins whose pages may call the server over HTTP, comma-separated (for a dashboard "
                    + "served elsewhere), * for any, nothing (--cors-origins=) for none. Default: ${DEFAULT-VALUE}.")
    List<String> corsOrigins;

    @Mixin
    AccessOptions access;

    @Option(names = "--auth-jwks", defaultValue = "${env:UA_AUTH_JWKS}",
            description = "Where an identity provider publishes its public keys (JSON Web Key Set): an http(s) URL or a "
                    + "file. Tokens it signs are accepted. Default: the environment variable UA_AUTH_JWKS.")
    String keySet;

    @Option(names = "--demo", description = "Demo mode: requests without a token may do everything, and a token for "
            + "each role is logged at start. Without it, every request needs a token signed with --auth-secret or "
            + "by the identity provider of --auth-jwks.")
    boolean demo;

    @Override
    public Integer call() throws InterruptedException {
        if (!demo && access.secret() == null && (keySet == null || keySet.isBlank())) {
            throw new IllegalArgumentException("serve needs --auth-secret (or the environment variable UA_AUTH_SECRET) "
                + "or --auth-jwks (UA_AUTH_JWKS) to check tokens with, or --demo to run open");
        }
        var settings = Settings.defaults(dataDirectory, port).toBuilder()
                .listenOn(host, port)
                .commandThreads(commandThreads)
                .queryThreads(queryThreads)
                .projectionBatch(projectionBatch)
                .patience(Duration.ofSeconds(5), Duration.ofSeconds(requestTimeoutSeconds))
                .queryTimeout(Duration.ofSeconds(queryTimeoutSeconds))
                .keptAnswers(keptAnswers)
                .liveInterval(Duration.ofMillis(liveIntervalMillis))
                .maxSubscriptions(maxSubscriptions)
                .readyLag(readyLag)
                .corsOrigins(corsOrigins.stream().map(String::trim).filter(origin -> !origin.isEmpty()).toList())
                .store(storeOptions.store())
                .access(access.settings(keySet, demo))
                .build();
        UnionAnalytics server = UnionAnalytics.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }
}
