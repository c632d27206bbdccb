package org.unionanalytics.api.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.CommandLog;

import java.time.Instant;
import java.util.Set;

/**
 * Which events of the log a reader wants; a null criterion lets every event through, and the
 * criteria given must all hold.
 *
 * @param types          stored event type names (MemberJoined)
 * @param aggregateTypes aggregate type names (Membership)
 * @param recordedFrom   stored at or after this moment
 * @param recordedBefore stored before this moment
 */
public record EventFilter(String aggregateId, Set<String> types, Set<String> aggregateTypes, String commandId,
                          Instant recordedFrom, Instant recordedBefore) {

    public static final EventFilter ALL = new EventFilter(null, null, null, null, null, null);

    public EventFilter {
        if (recordedFrom != null && recordedBefore != null && !recordedFrom.isBefore(recordedBefore)) {
            throw new IllegalArgumentException("recordedBefore (" + recordedBefore + ") must come after recordedFrom ("
                    + recordedFrom + ")");
        }
    }

    /** Whether no event stored from {@code now} on can pass: a command's events are stored all at once. */
    boolean closedAt(Instant now) {
        return commandId != null || recordedBefore != null && !recordedBefore.isAfter(now);
    }

    boolean test(DomainEventMessage<?> event, Serializer serializer) {
        return (aggregateId == null || aggregateId.equals(event.getAggregateIdentifier()))
                && (aggregateTypes == null || aggregateTypes.contains(event.getType()))
                && (commandId == null || commandId.equals(event.getMetaData().get(CommandLog.COMMAND_ID)))
                // the stored name, without deserializing the payload: its serialized form is kept
                && (types == null || types.contains(event.serializePayload(serializer, byte[].class).getType().getName()));
    }
}
