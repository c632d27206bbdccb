package org.unionanalytics.scenario;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.unionanalytics.eventstore.CachedCommandTargetResolver;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.DuplicateCommandException;

import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Feeds a history through the command side: each phase's commands run in parallel (up to a bound
 * of commands in flight; those on one aggregate one after another, in order), phases one after
 * the other. Every command carries its id, and ids the
 * event store has already recorded are skipped, so an interrupted import simply runs again.
 */
public final class HistoryImport {

    /** What an import did. */
    public record Result(long commands, long skipped, long events, Duration took) {

        public double eventsPerSecond() {
            return events / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    private final CommandGateway gateway;
    private final CommandLog commandLog;
    private final LongSupplier eventPosition;
    private final int inFlight;
    private final Consumer<String> progress;

    public HistoryImport(CommandGateway gateway, CommandLog commandLog, LongSupplier eventPosition, int inFlight,
                         Consumer<String> progress) {
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.eventPosition = eventPosition;
        this.inFlight = inFlight;
        this.progress = progress;
    }

    public Result run(Iterator<List<Step>> phases) throws InterruptedException {
        long started = System.nanoTime();
        long firstPosition = eventPosition.getAsLong();
        Feed feed = new Feed();
        AtomicReference<PhaseProgress> current = new AtomicReference<>();
        ScheduledExecutorService reporter = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "import-progress");
            thread.setDaemon(true);
            return thread;
        });
        reporter.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            PhaseProgress phase = current.get();
            String where = phase == null ? "starting" : phase.describe(feed.work.get(), now);
            progress.accept("import " + where + "; in all " + totals(feed.sent.get(), feed.skipped.get(),
                    eventPosition.getAsLong() - firstPosition, now - started));
        }, 1, 1, TimeUnit.SECONDS);
        try {
            int number = 0;
            while (phases.hasNext()) {
                List<Step> phase = phases.next();
                number = phase.isEmpty() ? number + 1 : phase.get(0).phase();
                current.set(new PhaseProgress(number, phase, feed.work.get(), System.nanoTime()));
                feed.phase(phase);
            }
        } finally {
            reporter.shutdownNow();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        Result result = new Result(feed.sent.get(), feed.skipped.get(), eventPosition.getAsLong() - firstPosition, took);
        progress.accept("import done: " + totals(result.commands(), result.skipped(), result.events(), took.toNanos()));
        return result;
    }

    /** One import's commands under way, what they did, and the first refusal, which stops it. */
    private final class Feed {
        final AtomicLong sent = new AtomicLong();
        final AtomicLong skipped = new AtomicLong();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Semaphore slots = new Semaphore(inFlight);

        /** The weight of the commands finished, run or found already imported. */
        final AtomicLong work = new AtomicLong();

        /**
         * Sends a phase's commands and waits for all of them. Commands on one aggregate wait for each
         * other here rather than in Axon's aggregate lock, whose deadlock check scans every lock held
         * each 10 ms while a thread waits (a seventh of the command threads during the awards).
         */
        void phase(List<Step> phase) throws InterruptedException {
            Map<String, CompletableFuture<Void>> lastOnAggregate = new ConcurrentHashMap<>();
            for (Step step : phase) {
                if (failure.get() != null) {
                    break;
                }
                if (commandLog.find(step.commandId()).isPresent()) {
                    skipped.incrementAndGet();
                    work.addAndGet(step.weight());
                    continue;
                }
                slots.acquire();
                var message = GenericCommandMessage.asCommandMessage(step.command())
                        .andMetaData(Map.of(CommandLog.COMMAND_ID, step.commandId()));
                String aggregate = targetOf(message);
                if (aggregate == null) {
                    send(step, message);
                    continue;
                }
                CompletableFuture<Void> before = lastOnAggregate.get(aggregate);
                CompletableFuture<Void> last = before == null ? send(step, message)
                        : before.thenCompose(done -> send(step, message));
                lastOnAggregate.put(aggregate, last);
                last.thenRun(() -> lastOnAggregate.remove(aggregate, last));
            }
            slots.acquire(inFlight);
            slots.release(inFlight);
            if (failure.get() != null) {
                throw failure.get();
            }
        }

        /** Completes, never exceptionally, when the command is done; a refusal is kept as the failure. */
        private CompletableFuture<Void> send(Step step, CommandMessage<?> message) {
            if (failure.get() != null) {
                slots.release();
                return CompletableFuture.completedFuture(null);
            }
            return gateway.send(message).handle((result, error) -> {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                if (cause instanceof DuplicateCommandException) {
                    skipped.incrementAndGet();
                    work.addAndGet(step.weight());
                } else if (cause != null) {
                    failure.compareAndSet(null, new IllegalStateException("command " + step.commandId() + " ("
                            + step.command().getClass().getSimpleName() + ") was refused: " + cause.getMessage(), cause));
                } else {
                    sent.incrementAndGet();
                    work.addAndGet(step.weight());
                }
                slots.release();
                return null;
            });
        }
    }

    /** The aggregate a command targets, or null for commands that reach several. */
    private static String targetOf(CommandMessage<?> command) {
        return CachedCommandTargetResolver.INSTANCE.identifierOf(command).map(String::valueOf).orElse(null);
    }

    private static String totals(long commands, long skipped, long events, long nanos) {
        double seconds = Math.max(0.001, nanos / 1e9);
        return String.format("%,d commands (%,.0f/s), %,d events (%,.0f/s), %,d already imported, %.0f s",
                commands, commands / seconds, events, events / seconds, skipped, seconds);
    }
}
