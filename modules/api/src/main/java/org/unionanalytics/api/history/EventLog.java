package org.unionanalytics.api.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.EventStorage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event log read page by page, the same on every store: after a token, the events a filter
 * lets through, oldest first. One aggregate's events come from its own index and one command's
 * from the stretch of the log the command log names; other filters scan the log, at most
 * {@link #SCAN_WINDOW} events a page, so that a rare type in a long log costs bounded time per
 * page and the reader goes on from where the page ended (EventStoreDB's filtered reads do the same
 * with their checkpoints).
 */
public final class EventLog {

    /** Most events one page holds. */
    public static final int MAX_PAGE = 500;
    /** Most events one page looks at. */
    public static final int SCAN_WINDOW = 20_000;

    private final EventStorage storage;

    public EventLog(EventStorage storage) {
        this.storage = storage;
    }

    /**
     * @param events what the filter let through, at most {@code first}
     * @param end    where the next page starts: the last event looked at, which may lie past the last one returned
     * @param more   whether the log held more events within the filter's bounds when the page was read
     */
    public record Page(List<TrackedEventMessage<?>> events, TrackingToken end, boolean more) {
    }

    public TrackingToken tokenAfter(long position) {
        return storage.tokenAfter(position);
    }

    /** Up to {@code first} events after {@code after} (null: from the start) that {@code filter} lets through. */
    public Page read(TrackingToken after, int first, EventFilter filter) {
        if (first < 0 || first > MAX_PAGE) {
            throw new IllegalArgumentException("first must be between 0 and " + MAX_PAGE + ", not " + first);
        }
        TrackingToken start = after == null ? storage.tokenAfter(0) : after;
        long end = storage.lastPosition();
        if (filter.commandId() != null) {
            Optional<CommandLog.CommandRecord> command = storage.find(filter.commandId());
            if (command.isEmpty()) {
                return new Page(List.of(), start, false);
            }
            start = later(start, storage.tokenAfter(command.get().firstPosition() - 1));
            end = Math.min(end, command.get().lastPosition());
        }
        if (filter.recordedFrom() != null) {
            start = later(start, storage.engine().createTokenAt(filter.recordedFrom()));
        }
        if (filter.recordedBefore() != null) {
            end = Math.min(end, position(storage.engine().createTokenAt(filter.recordedBefore())));
        }
        if (filter.aggregateId() != null) {
            long from = position(start);
            return collect(storage.historyOf(filter.aggregateId()).filter(event -> position(event) > from),
                    start, first, end, filter);
        }
        try (Stream<? extends TrackedEventMessage<?>> log = storage.engine().readEvents(start, false)) {
            return collect(log, start, first, end, filter);
        }
    }

    private Page collect(Stream<? extends TrackedEventMessage<?>> candidates, TrackingToken start, int first, long end,
                         EventFilter filter) {
        List<TrackedEventMessage<?>> events = new ArrayList<>(Math.min(first, 64));
        TrackingToken last = start;
        Iterator<? extends TrackedEventMessage<?>> it = candidates.iterator();
        int looked = 0;
        boolean exhausted = false;
        while (events.size() < first && looked < SCAN_WINDOW) {
            if (!it.hasNext()) {
                exhausted = true;
                break;
            }
            TrackedEventMessage<?> event = it.next();
            if (position(event) > end) {
                exhausted = true;
                break;
            }
            looked++;
            last = event.trackingToken();
            if (filter.test((DomainEventMessage<?>) event, storage.getEventSerializer())) {
                events.add(event);
            }
        }
        boolean more = !exhausted && position(last) < end;
        return new Page(events, last, more);
    }

    private static TrackingToken later(TrackingToken a, TrackingToken b) {
        return position(b) > position(a) ? b : a;
    }

    static long position(TrackedEventMessage<?> event) {
        return position(event.trackingToken());
    }

    static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }
}
