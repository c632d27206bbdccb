package org.unionanalytics.eventstore;

import java.util.Optional;

/**
 * Remembers which events each client command id produced. The events and this record are written
 * atomically, so a repeated command id is recognised even after a crash.
 */
public interface CommandLog {

    /** The metadata key under which a command's id travels from the command to its events. */
    String COMMAND_ID = "commandId";

    /** The metadata key naming who sent the command: the subject of the caller's token. */
    String ACTOR = "actor";

    Optional<CommandRecord> find(String commandId);

    /**
     * The global positions of the first and the last event the command appended, and how many it
     * appended: on stores where concurrent commands interleave, other events may lie in between.
     */
    record CommandRecord(long firstPosition, long lastPosition, int eventCount) {
    }
}
