package org.unionanalytics.eventstore;

import org.axonframework.eventsourcing.eventstore.EventStoreException;

/** A command id that already produced events arrived again; its events were not stored twice. */
public class DuplicateCommandException extends EventStoreException {

    private final String commandId;

    public DuplicateCommandException(String commandId) {
        super("command " + commandId + " was already recorded; its events were not stored again");
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
