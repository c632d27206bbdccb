package org.unionanalytics.api.command;

/** The answer to a mutation: what the command left in the event log. */
public record Receipt(String id, Long version, long position, int eventCount, boolean repeated, String commandId) {
}
