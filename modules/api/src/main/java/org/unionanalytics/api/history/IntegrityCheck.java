package org.unionanalytics.api.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.EventStorage;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Reads the whole event log once, in order, and reports in plain words whatever breaks the
 * guarantees the server gives: positions that go backwards (or, on the embedded store with its one
 * writer, skip); an aggregate whose versions skip, repeat or change type; an event whose data or
 * metadata cannot be read; an event without its command id; a command whose events the command
 * log does not record as stored, so that a repeat of it would store them twice.
 */
public final class IntegrityCheck {

    /** Problems beyond this many are counted, not listed. */
    static final int LISTED = 1_000;

    private final EventStorage storage;
    private final boolean gapless;

    public record Problem(long position, String what) {
        @Override
        public String toString() {
            return "at " + position + ": " + what;
        }
    }

    public record Result(long events, int aggregates, long commands, long problemCount, List<Problem> problems) {
        public boolean clean() {
            return problemCount == 0;
        }
    }

    /** @param gapless whether the store gives out positions without gaps (one writer) */
    public IntegrityCheck(EventStorage storage, boolean gapless) {
        this.storage = storage;
        this.gapless = gapless;
    }

    /** @param checked told the number of events checked so far, after each event */
    public Result run(LongConsumer checked) {
        var state = new Walk();
        try (Stream<? extends TrackedEventMessage<?>> log = storage.engine().readEvents(null, false)) {
            log.forEach(event -> {
                state.check(event);
                checked.accept(state.events);
            });
        }
        state.endCommand();
        return new Result(state.events, state.versions.size(), state.commands, state.problemCount, state.problems);
    }

    /** What the walk through the log has seen so far. */
    private final class Walk {
        final AggregateVersions versions = new AggregateVersions();
        final List<Problem> problems = new ArrayList<>();
        long problemCount;
        long events;
        long commands;
        long previous;
        String command;
        long commandFirst;
        long commandLast;
        int commandEvents;

        void check(TrackedEventMessage<?> tracked) {
            long position = tracked.trackingToken().position().orElse(-1);
            events++;
            if (position <= previous) {
                report(position, "comes after position " + previous + ": the log's order is broken");
            } else if (gapless && position != previous + 1) {
                report(position, "follows position " + previous + ": the positions between are missing");
            }
            previous = Math.max(previous, position);
            if (!(tracked instanceof DomainEventMessage<?> event)) {
                report(position, "belongs to no aggregate; this server writes only aggregate events");
                return;
            }
            checkVersion(position, event);
            String commandId = readable(position, event);
            if (commandId == null) {
                report(position, "event " + event.getIdentifier() + " carries no command id");
                endCommand();
                return;
            }
            if (!commandId.equals(command)) {
                endCommand();
                command = commandId;
                commandFirst = position;
                commandEvents = 0;
            }
            commandLast = position;
            commandEvents++;
        }

        private void checkVersion(long position, DomainEventMessage<?> event) {
            var seen = versions.record(event.getAggregateIdentifier(), event.getSequenceNumber(), event.getType());
            if (seen.type() != event.getType().hashCode()) {
                report(position, event.getAggregateIdentifier() + " appears as a " + event.getType()
                        + " after appearing as another type");
            }
            if (event.getSequenceNumber() != seen.expected()) {
                report(position, event.getAggregateIdentifier() + " at version " + event.getSequenceNumber()
                        + " where version " + seen.expected() + " comes next");
            }
        }

        /** Decodes the event's data and metadata; returns its command id, or null. */
        private String readable(long position, DomainEventMessage<?> event) {
            try {
                event.getPayload();
                Object commandId = event.getMetaData().get(CommandLog.COMMAND_ID);
                return commandId == null ? null : commandId.toString();
            } catch (RuntimeException unreadable) {
                report(position, "event " + event.getIdentifier() + " cannot be read: " + unreadable.getMessage());
                return null;
            }
        }

        /**
         * Holds the command just passed against the command log. With one writer a command's events lie
         * together, so the record must match them exactly; where writers interleave, only that the
         * record exists and spans them.
         */
        void endCommand() {
            if (command == null) {
                return;
            }
            commands++;
            var record = storage.find(command);
            if (record.isEmpty()) {
                report(commandFirst, "command " + command + " stored events the command log does not know of: "
                        + "a repeat of it would store them again");
            } else if (gapless && (record.get().firstPosition() != commandFirst || record.get().lastPosition() != commandLast
                    || record.get().eventCount() != commandEvents)) {
                report(commandFirst, "command " + command + " stored " + events(commandEvents) + " at " + commandFirst
                        + ".." + commandLast + " but the command log records " + events(record.get().eventCount()) + " at "
                        + record.get().firstPosition() + ".." + record.get().lastPosition());
            } else if (record.get().firstPosition() > commandFirst || record.get().lastPosition() < commandLast) {
                report(commandFirst, "command " + command + " has events at " + commandFirst + ".." + commandLast
                        + ", outside what the command log records (" + record.get().firstPosition() + ".."
                        + record.get().lastPosition() + ")");
            }
            command = null;
        }

        private static String events(int count) {
            return count == 1 ? "1 event" : count + " events";
        }

        private void report(long position, String what) {
            problemCount++;
            if (problems.size() < LISTED) {
                problems.add(new Problem(position, what));
            }
        }
    }
}
