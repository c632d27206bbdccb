package org.unionanalytics.eventstore;

import java.util.Optional;

/**
 * Remembers which events each client command id produced. The events and this record are written
 * in one atomic batch, so a repeated command id is recognised even after a crash.
 */
public interface CommandLog {

    /** The metadata key under which a command's id travels from the command to its events. */
    String COMMAND_ID = "commandId";

    Optional<CommandRecord> find(String commandId);

    /** The global positions of the first and the last event the command appended. */
    record CommandRecord(long firstPosition, long lastPosition) {
    }
}
