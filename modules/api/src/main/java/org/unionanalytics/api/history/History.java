package org.unionanalytics.api.history;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.unionanalytics.api.live.SubscriptionLimit;
import org.unionanalytics.eventstore.EventStorage;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The event log for auditors: page by page, as a feed, aggregates at a version, integrity checks. */
public final class History {

    private final EventLog log;
    private final AggregateStates aggregates;
    private final IntegrityChecks checks;
    private final Serializer serializer;
    private final NewEvents news;
    private final Executor feedThreads;
    private final SubscriptionLimit limit;

    /**
     * @param gaplessLog whether the store gives out positions without gaps (one writer), which its check holds it to
     * @param news       says when the log has grown, for the feeds
     * @param feedThreads reads the feeds' pages; apart from the requests', which a feed catching up would hold for minutes
     * @param limit       counts the feeds with the live subscriptions
     */
    public History(EventStorage storage, boolean gaplessLog, NewEvents news, Executor feedThreads, SubscriptionLimit limit) {
        this.log = new EventLog(storage);
        this.aggregates = new AggregateStates(storage);
        this.checks = new IntegrityChecks(storage, gaplessLog);
        this.serializer = storage.getEventSerializer();
        this.news = news;
        this.feedThreads = feedThreads;
        this.limit = limit;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("events", this::page)
                .dataFetcher("aggregate", env -> aggregates.state(env.getArgument("id"), env.getArgument("version"),
                        instant(env.getArgument("at"))))
                .dataFetcher("eventLogCheck", env -> checks.status()));
        wiring.type("Mutation", type -> type.dataFetcher("checkEventLog", env -> checks.start()));
        wiring.type("Subscription", type -> type.dataFetcher("events", this::feed).dataFetcher("eventBatches", this::batches));
    }

    private Map<String, Object> page(DataFetchingEnvironment env) {
        Long after = env.getArgument("after");
        EventLog.Page page = log.read(after == null ? null : log.tokenAfter(after), env.getArgument("first"), filter(env));
        List<Map<String, Object>> edges = page.events().stream().map(event -> {
            EventView node = new EventView(event, serializer);
            return Map.<String, Object>of("cursor", Long.toString(node.position()), "node", node);
        }).toList();
        Map<String, Object> pageInfo = new HashMap<>();
        pageInfo.put("hasNextPage", page.more());
        pageInfo.put("endCursor", Long.toString(EventLog.position(page.end())));
        return Map.of("edges", edges, "pageInfo", pageInfo);
    }

    private Publisher<EventView> feed(DataFetchingEnvironment env) {
        return feed(env, 1, events -> new EventView(events.get(0), serializer));
    }

    private Publisher<List<EventView>> batches(DataFetchingEnvironment env) {
        int size = env.getArgument("size");
        if (size < 1 || size > EventLog.MAX_PAGE) {
            throw new IllegalArgumentException("size must be between 1 and " + EventLog.MAX_PAGE + ", not " + size);
        }
        return feed(env, size, events -> events.stream().map(event -> new EventView(event, serializer)).toList());
    }

    private <T> Publisher<T> feed(DataFetchingEnvironment env, int batch, Function<List<TrackedEventMessage<?>>, T> message) {
        var after = log.tokenAfter(env.<Long>getArgument("after"));
        EventFilter filter = filter(env);
        return limit.hold(() -> FlowAdapters.toPublisher(subscriber -> subscriber.onSubscribe(new EventFeed<>(subscriber, log,
                after, filter, batch, message, news, feedThreads, EventFeed.TURN))));
    }

    private static EventFilter filter(DataFetchingEnvironment env) {
        Map<String, Object> given = Optional.ofNullable(env.<Map<String, Object>>getArgument("filter")).orElse(Map.of());
        return new EventFilter((String) given.get("aggregateId"), names(given.get("types")),
                names(given.get("aggregateTypes")), (String) given.get("commandId"),
                instant(given.get("recordedFrom")), instant(given.get("recordedBefore")));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> names(Object given) {
        return given == null ? null : Set.copyOf((List<String>) given);
    }

    private static Instant instant(Object given) {
        return given == null ? null : ((OffsetDateTime) given).toInstant();
    }
}
