package org.unionanalytics.api.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.unionanalytics.api.live.SubscriptionLimit;
import org.unionanalytics.readmodel.ReadSide;
import org.unionanalytics.readmodel.cube.CubeEngine;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What an operator watches, in Prometheus's text format at {@code /metrics}: how far the read
 * model trails the event log and how its projector writes, requests by outcome and how long they
 * take, commands by result, how many analytics questions kept answers spared DuckDB, and the
 * JVM's memory, collections, threads and CPU.
 */
public final class ServerMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics collections = new JvmGcMetrics();
    private final LongSupplier eventLogPosition;
    private final LongSupplier readModelPosition;
    /** Registered once, not looked up on every request. */
    private final Map<String, Timer> requests = new HashMap<>();
    private final Map<CommandResult, Counter> commands = new EnumMap<>(CommandResult.class);

    /**
     * @param eventLogPosition the position of the last stored event
     * @param readSide         the read model answering queries, and its projector
     * @param cubes            the analytics questions, asked of DuckDB or answered from kept answers
     * @param subscriptions    the live subscriptions and event feeds held, against their limit
     */
    public ServerMetrics(LongSupplier eventLogPosition, ReadSide readSide, CubeEngine cubes, SubscriptionLimit subscriptions) {
        this.eventLogPosition = eventLogPosition;
        this.readModelPosition = readSide::position;
        new JvmMemoryMetrics().bindTo(registry);
        collections.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("ua.event.log.position", eventLogPosition::getAsLong)
                .description("Position of the last event stored in the event log").register(registry);
        Gauge.builder("ua.read.model.position", readModelPosition::getAsLong)
                .description("Position of the last event the read model reflects").register(registry);
        Gauge.builder("ua.read.model.lag", this::lag)
                .description("Events stored that the read model does not reflect yet").baseUnit("events").register(registry);
        Gauge.builder("ua.subscriptions", subscriptions::held)
                .description("Live subscriptions and event feeds held (at most --max-subscriptions)").register(registry);
        FunctionCounter.builder("ua.projection.events", readSide, read -> read.work().events())
                .description("Events the read model's projector has applied since it started").register(registry);
        FunctionTimer.builder("ua.projection.batches", readSide, read -> read.work().batches(),
                        read -> read.work().writingNanos(), TimeUnit.NANOSECONDS)
                .description("Batches of events the projector committed to the read model, and the time it took")
                .register(registry);
        String answers = "Analytics questions, answered from kept answers (or shared with a simultaneous asker) or computed by DuckDB";
        FunctionCounter.builder("ua.cube.answers", cubes, CubeEngine::answeredFromKept).tag("source", "kept")
                .description(answers).register(registry);
        FunctionCounter.builder("ua.cube.answers", cubes, CubeEngine::computed).tag("source", "computed")
                .description(answers).register(registry);
        for (String outcome : List.of("ok", "errors", "refused", "failed")) {
            requests.put(outcome, Timer.builder("ua.requests").description("GraphQL requests over HTTP")
                    .tag("outcome", outcome).publishPercentileHistogram().register(registry));
        }
        for (CommandResult result : CommandResult.values()) {
            commands.put(result, Counter.builder("ua.commands").description("Commands sent by mutations")
                    .tag("result", result.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    /** What became of a command sent by a mutation. */
    public enum CommandResult {
        STORED, REPEATED, REFUSED
    }

    /** A GraphQL request over HTTP, from its arrival to its answer: ok, errors (answered with errors), refused (4xx) or failed (5xx). */
    public void request(int status, boolean errors, Duration took) {
        String outcome = status >= 500 ? "failed" : status >= 400 ? "refused" : errors ? "errors" : "ok";
        requests.get(outcome).record(took);
    }

    /** A command sent by a mutation: stored, repeated (its command id was known) or refused. */
    public void command(CommandResult result) {
        commands.get(result).increment();
    }

    /** Events stored that the read model does not reflect yet (a round trip on PostgreSQL or EventStoreDB). */
    public long lag() {
        return Math.max(0, eventLogPosition.getAsLong() - readModelPosition.getAsLong());
    }

    /** The registry's meters in Prometheus's text format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        collections.close();
        registry.close();
    }
}
