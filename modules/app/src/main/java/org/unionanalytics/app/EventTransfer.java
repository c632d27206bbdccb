package org.unionanalytics.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.EventStorage;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Moves an event log between stores through an NDJSON file ({@link EventLogFile}), in log order,
 * keeping event ids, sequence numbers, times and metadata. The events of one command are appended
 * together, so the target store's command log knows every command id again.
 */
final class EventTransfer {

    /** Events recorded without a command id are appended this many at a time. */
    private static final int UNCOMMANDED_BATCH = 1_000;

    private final Serializer serializer = Serializers.events();
    private final Consumer<String> progress;

    EventTransfer(Consumer<String> progress) {
        this.progress = progress;
    }

    long export(EventStorage storage, Path file) throws IOException {
        Progress counted = new Progress("exported");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             var events = storage.engine().readEvents(null, false)) {
            for (var it = events.iterator(); it.hasNext(); ) {
                TrackedEventMessage<?> event = it.next();
                out.write(EventLogFile.line(event, serializer));
                out.newLine();
                counted.add(1);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return counted.done();
    }

    long load(Path file, EventStorage storage) throws IOException {
        if (storage.lastPosition() > 0) {
            throw new IllegalStateException(storage.describe() + " already holds events; import-events fills an empty store");
        }
        Progress counted = new Progress("imported");
        Set<String> commandsSeen = new HashSet<>();
        List<DomainEventMessage<?>> run = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNumber = 0;
            while ((text = in.readLine()) != null) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                DomainEventMessage<?> event;
                try {
                    event = EventLogFile.event(text, serializer);
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
                boolean sameCommand = !run.isEmpty() && Objects.equals(commandOf(run.get(0)), commandOf(event))
                        && (commandOf(event) != null || run.size() < UNCOMMANDED_BATCH);
                if (!run.isEmpty() && !sameCommand) {
                    append(storage, run, commandsSeen, counted);
                }
                run.add(event);
            }
        }
        if (!run.isEmpty()) {
            append(storage, run, commandsSeen, counted);
        }
        return counted.done();
    }

    /** Appends the events of one command at once; a command whose events lie apart in the file cannot be kept whole. */
    private static void append(EventStorage storage, List<DomainEventMessage<?>> run, Set<String> commandsSeen,
                               Progress counted) {
        String command = commandOf(run.get(0));
        if (command != null && !commandsSeen.add(command)) {
            throw new IllegalStateException("the events of command " + command + " are not next to each other in the "
                    + "file, so they cannot be appended as one command again");
        }
        storage.engine().appendEvents(run);
        counted.add(run.size());
        run.clear();
    }

    private static String commandOf(DomainEventMessage<?> event) {
        Object id = event.getMetaData().get(CommandLog.COMMAND_ID);
        return id == null ? null : id.toString();
    }

    /** Counts events and says how far along it is about once a second. */
    private final class Progress {
        private final String verb;
        private final long started = System.nanoTime();
        private long count;
        private long lastReport = started;

        Progress(String verb) {
            this.verb = verb;
        }

        void add(long events) {
            count += events;
            long now = System.nanoTime();
            if (now - lastReport > 1_000_000_000L) {
                report(now);
                lastReport = now;
            }
        }

        long done() {
            report(System.nanoTime());
            return count;
        }

        private void report(long now) {
            double seconds = Math.max(1e-3, (now - started) / 1e9);
            progress.accept(String.format("%s %,d events (%,.0f events/s), %.1f s", verb, count, count / seconds, seconds));
        }
    }
}
