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
    /** About this many events go to the store at once, sharing its disk syncs. */
    private static final int APPEND_EVENTS = 5_000;

    private final Serializer serializer = Serializers.events();
    private final Consumer<String> progress;

    EventTransfer(Consumer<String> progress) {
        this.progress = progress;
    }

    long export(EventStorage storage, Path file) throws IOException {
        Progress counted = new Progress("exported", progress);
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
        Loader loader = new Loader(storage, new Progress("imported", progress));
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int lineNumber = 0;
            while ((text = in.readLine()) != null) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                try {
                    loader.add(EventLogFile.event(text, serializer));
                } catch (IOException | RuntimeException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return loader.finish();
    }

    /**
     * Gathers the events of each command (consecutive events with one command id; events without one
     * go a thousand at a time) and appends many commands at once.
     */
    private static final class Loader {
        private final EventStorage storage;
        private final Progress progress;
        private final Set<String> commandsSeen = new HashSet<>();
        private final List<List<DomainEventMessage<?>>> pending = new ArrayList<>();
        private List<DomainEventMessage<?>> run = new ArrayList<>();
        private int pendingEvents;

        Loader(EventStorage storage, Progress progress) {
            this.storage = storage;
            this.progress = progress;
        }

        void add(DomainEventMessage<?> event) {
            if (!run.isEmpty() && !sameCommand(run, event)) {
                endRun();
            }
            run.add(event);
        }

        private static boolean sameCommand(List<DomainEventMessage<?>> run, DomainEventMessage<?> event) {
            String command = commandOf(event);
            return Objects.equals(commandOf(run.get(0)), command) && (command != null || run.size() < UNCOMMANDED_BATCH);
        }

        private void endRun() {
            String command = commandOf(run.get(0));
            if (command != null && !commandsSeen.add(command)) {
                throw new IllegalStateException("the events of command " + command + " are not next to each other in "
                        + "the file, so they cannot be appended as one command again");
            }
            pending.add(run);
            pendingEvents += run.size();
            run = new ArrayList<>();
            if (pendingEvents >= APPEND_EVENTS) {
                flush();
            }
        }

        private void flush() {
            storage.appendCommands(pending);
            progress.add(pendingEvents);
            pending.clear();
            pendingEvents = 0;
        }

        long finish() {
            if (!run.isEmpty()) {
                endRun();
            }
            if (!pending.isEmpty()) {
                flush();
            }
            return progress.done();
        }
    }

    private static String commandOf(DomainEventMessage<?> event) {
        Object id = event.getMetaData().get(CommandLog.COMMAND_ID);
        return id == null ? null : id.toString();
    }
}
