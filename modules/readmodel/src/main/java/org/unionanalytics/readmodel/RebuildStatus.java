package org.unionanalytics.readmodel;

import java.time.Instant;

/**
 * How a rebuild of the read model is going: it replays the whole event log into a new read
 * model while the current one keeps answering, and switches over once it has caught up.
 */
public record RebuildStatus(State state, Instant startedAt, Instant finishedAt, long position, long target,
                            double eventsPerSecond, String failure) {

    public enum State { RUNNING, SWITCHED, FAILED }
}
