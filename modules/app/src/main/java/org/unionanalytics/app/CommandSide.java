package org.unionanalytics.app;

import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.domain.EventStoreRegistry;
import org.unionanalytics.domain.competition.Competition;
import org.unionanalytics.domain.enterprise.CoverageByRepository;
import org.unionanalytics.domain.enterprise.Enterprise;
import org.unionanalytics.domain.enterprise.EnterpriseRegistry;
import org.unionanalytics.domain.keyproject.KeyProject;
import org.unionanalytics.domain.keyproject.KeyProjectRegistry;
import org.unionanalytics.domain.membership.MemberRegistry;
import org.unionanalytics.domain.shared.StoredAggregates;
import org.unionanalytics.domain.membership.Membership;
import org.unionanalytics.domain.membership.RosterEnrolment;
import org.unionanalytics.domain.proposal.Proposal;
import org.unionanalytics.domain.union.Union;
import org.unionanalytics.domain.union.UnionFounding;
import org.unionanalytics.domain.union.UnionRegistry;
import org.unionanalytics.eventstore.BatchFriendlyEventStore;
import org.unionanalytics.eventstore.CachedCommandTargetResolver;
import org.unionanalytics.eventstore.CommandLog;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Axon's command side, without Spring: aggregates, cross-aggregate handlers, the event store.
 * No transaction manager is needed: the storage engine writes all events of a unit of work in one
 * atomic append at commit.
 */
final class CommandSide implements AutoCloseable {

    /** Competitions gather many enrolments; past this many events, loading starts from a snapshot. */
    private static final int COMPETITION_SNAPSHOT_EVERY = 500;

    private final Configuration configuration;
    private final boolean keepAggregates;
    private final ExecutorService commandThreads;

    /** @param keepAggregates keep recently used aggregates in memory; only where no other server writes the store */
    CommandSide(EventStorageEngine storage, StoredAggregates stored, Serializer eventSerializer, int threads,
                boolean keepAggregates) {
        this.keepAggregates = keepAggregates;
        AtomicInteger counter = new AtomicInteger();
        commandThreads = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "command-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        var messages = Serializers.messages();
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> messages)
                .configureMessageSerializer(c -> messages)
                .configureEventSerializer(c -> eventSerializer)
                // consumers on private streams: with Axon's shared tailing cache, a consumer that starts
                // on an empty store can miss the events appended before the cache's producer starts
                .configureEventStore(c -> BatchFriendlyEventStore.create(EmbeddedEventStore.builder().storageEngine(storage)
                        .optimizeEventConsumption(false)
                        .messageMonitor(c.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(c.getComponent(EventBusSpanFactory.class))))
                .configureTransactionManager(c -> NoTransactionManager.instance())
                .configureCommandBus(c -> {
                    var bus = AsynchronousCommandBus.builder().executor(commandThreads)
                            .transactionManager(c.getComponent(TransactionManager.class)).build();
                    // copies the command id (and correlation ids) from each command onto its events
                    bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(c.correlationDataProviders()));
                    return bus;
                })
                .configureCorrelationDataProviders(c -> List.of(new MessageOriginProvider(),
                        new SimpleCorrelationDataProvider(CommandLog.COMMAND_ID, CommandLog.ACTOR)))
                .registerComponent(CommandTargetResolver.class, c -> CachedCommandTargetResolver.INSTANCE)
                .registerComponent(EventStoreRegistry.class, c -> new EventStoreRegistry(c.eventStore(), stored))
                .registerComponent(UnionRegistry.class, c -> c.getComponent(EventStoreRegistry.class))
                .registerComponent(MemberRegistry.class, c -> c.getComponent(EventStoreRegistry.class))
                .registerComponent(KeyProjectRegistry.class, c -> c.getComponent(EventStoreRegistry.class))
                .registerComponent(EnterpriseRegistry.class, c -> c.getComponent(EventStoreRegistry.class))
                .configureAggregate(kept(Union.class, 30_000))
                .configureAggregate(kept(Enterprise.class, 150_000))
                .configureAggregate(Membership.class)
                .configureAggregate(kept(KeyProject.class, 1_000))
                .configureAggregate(kept(Competition.class, 20_000)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                COMPETITION_SNAPSHOT_EVERY)))
                .configureAggregate(kept(Proposal.class, 500_000))
                .registerCommandHandler(c -> new UnionFounding(c.repository(Union.class), registry(c),
                        new CoverageByRepository(c.repository(Enterprise.class), registry(c))))
                .registerCommandHandler(c -> new RosterEnrolment(c.repository(Membership.class), registry(c), registry(c)));
        configuration = configurer.buildConfiguration();
        configuration.start();
    }

    /**
     * An aggregate type whose last {@code capacity} aggregates stay in memory, so that their next
     * command skips reading and replaying their events (a quarter of a command thread's time in an
     * import). Sized for the reference history (a proposal's next step comes after every other
     * proposal's submission); members are not kept: there are millions, each seldom changed again.
     * On a store other servers write to, a kept aggregate could miss their changes (the append
     * would then be refused as a conflict), so none are kept there.
     */
    private <A> AggregateConfigurer<A> kept(Class<A> type, int capacity) {
        AggregateConfigurer<A> aggregate = AggregateConfigurer.defaultConfiguration(type);
        return keepAggregates ? aggregate.configureCache(c -> new RecentAggregates(capacity)) : aggregate;
    }

    private static EventStoreRegistry registry(Configuration c) {
        return c.getComponent(EventStoreRegistry.class);
    }

    CommandGateway gateway() {
        return configuration.commandGateway();
    }

    EventStore eventStore() {
        return configuration.eventStore();
    }

    @Override
    public void close() {
        configuration.shutdown();
        commandThreads.shutdown();
    }
}
