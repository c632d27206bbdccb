package org.unionanalytics.app;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.api.ApiServer;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;
import org.unionanalytics.api.command.CommandDispatcher;
import org.unionanalytics.api.command.Mutations;
import org.unionanalytics.api.graphql.GraphQLFactory;
import org.unionanalytics.api.history.History;
import org.unionanalytics.api.history.NewEvents;
import org.unionanalytics.api.http.GraphQLHttpHandler;
import org.unionanalytics.api.live.LiveStreams;
import org.unionanalytics.api.live.SubscriptionLimit;
import org.unionanalytics.api.live.Subscriptions;
import org.unionanalytics.api.metrics.ServerMetrics;
import org.unionanalytics.api.query.Analytics;
import org.unionanalytics.api.query.KnownAt;
import org.unionanalytics.api.query.Queries;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.query.EntityQueries;
import org.unionanalytics.readmodel.query.MemberQueries;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One running server: event store, command side, read model and projector, HTTP. */
public final class UnionAnalytics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnionAnalytics.class);

    private final Node node;
    private final ExecutorService queryThreads;
    /** The report's questions, asked at once; apart from the query threads, which wait for them. */
    private final ExecutorService reportThreads;
    /**
     * What subscriptions go on doing once answered (live answers computed again after writes, event
     * feeds catching up): apart from the query threads, and half as many, so that a crowd of
     * dashboards or auditors slows the subscriptions, never the requests.
     */
    private final ExecutorService subscriptionThreads;
    private final LiveStreams live;
    private final ServerMetrics metrics;
    private final Vertx vertx;
    private final HttpServer http;

    private UnionAnalytics(Settings settings) {
        long started = System.nanoTime();
        vertx = Vertx.vertx();
        Tokens tokens = tokens(vertx, settings);
        node = new Node(settings);
        var storage = node.storage;
        var readSide = node.readSide;
        queryThreads = Executors.newFixedThreadPool(settings.queryThreads(), named("query"));
        reportThreads = Executors.newFixedThreadPool(settings.queryThreads(), named("report"));
        subscriptionThreads = Executors.newFixedThreadPool(Math.max(1, settings.queryThreads() / 2), named("subscription"));
        var cubes = new CubeEngine(readSide::model, readSide::changedAt, settings.queryTimeout(), settings.keptAnswers());
        var subscriptions = new SubscriptionLimit(settings.maxSubscriptions());
        metrics = new ServerMetrics(storage::lastPosition, readSide, cubes, subscriptions);
        var dispatcher = new CommandDispatcher(node.commands.gateway(), storage, queryThreads, metrics);
        var knownAt = new KnownAt(time -> storage.engine().createTokenAt(time.toInstant()).position().orElse(0));
        var reports = new ReportQuery(cubes, reportThreads);
        var queries = new Queries(new EntityQueries(readSide::model), new MemberQueries(readSide::model), reports,
                readSide, storage::lastPosition, knownAt);
        live = new LiveStreams(readSide::position, subscriptionThreads, settings.liveInterval());
        readSide.onChange(live::changed);
        var news = new NewEvents();
        readSide.onChange(news::arrived);
        var graphQL = GraphQLFactory.create(queries, new Analytics(cubes, knownAt), new Mutations(dispatcher),
                new Subscriptions(live, reports, subscriptions),
                new History(storage, settings.store().soleWriter(), news, subscriptionThreads, subscriptions), queryThreads);
        var handler = new GraphQLHttpHandler(graphQL, queryThreads, readSide, settings.maxAwait(), settings.requestTimeout(),
                tokens, metrics);
        http = ApiServer.start(vertx, graphQL, handler, tokens, metrics, settings.corsOrigins(), settings.readyLag(),
                        settings.host(), settings.port())
                .toCompletionStage().toCompletableFuture().join();
        log.info("Union Analytics serves GraphQL at http://{}:{}/graphql and GraphiQL at /graphiql; events in {}, "
                        + "read model in {}; log at position {}, read model at {}; started in {} ms",
                settings.host(), http.actualPort(), storage.describe(), settings.dataDirectory().toAbsolutePath(),
                storage.lastPosition(),
                readSide.position(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        if (settings.access().demo()) {
            logDemoTokens(tokens);
        }
    }

    /** Read before any store is opened: a server whose identity provider cannot be reached does not start. */
    private static Tokens tokens(Vertx vertx, Settings settings) {
        try {
            return Tokens.create(vertx, settings.access());
        } catch (RuntimeException refused) {
            vertx.close();
            throw refused;
        }
    }

    /** Demo mode: anything goes without a token; these let a visitor see what each role may do. */
    private static void logDemoTokens(Tokens tokens) {
        StringBuilder lines = new StringBuilder("Demo mode: requests without a token may do everything. To try a role, "
                + "send the header Authorization: Bearer <token>:");
        for (Role role : Role.values()) {
            lines.append("\n  ").append(role.claim()).append(": ")
                    .append(tokens.issue("demo-" + role.claim(), EnumSet.of(role), Duration.ofDays(30)));
        }
        log.info(lines.toString());
    }

    public static UnionAnalytics start(Settings settings) {
        return new UnionAnalytics(settings);
    }

    Node node() {
        return node;
    }

    public int port() {
        return http.actualPort();
    }

    private static void awaitEnd(ExecutorService threads) {
        try {
            if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Requests still running after 10 s are abandoned as the server stops");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops taking requests, lets the command side finish, then closes the stores. */
    @Override
    public void close() {
        live.close();
        http.close().toCompletionStage().toCompletableFuture().join();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        queryThreads.shutdown();
        reportThreads.shutdown();
        subscriptionThreads.shutdown();
        // a read under way (an event feed's page, a report's question) must end before its store closes under it
        awaitEnd(queryThreads);
        awaitEnd(reportThreads);
        awaitEnd(subscriptionThreads);
        node.close();
        metrics.close();
        log.info("Union Analytics stopped");
    }
}
