package org.unionanalytics.api.query;

import graphql.schema.DataFetchingEnvironment;

import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Reads {@code knownAt} (a position) or {@code knownAtTime} (an instant, turned into the position
 * the event log had reached then) from a field's arguments.
 */
public final class KnownAt {

    private final Function<OffsetDateTime, Long> positionAt;

    public KnownAt(Function<OffsetDateTime, Long> positionAt) {
        this.positionAt = positionAt;
    }

    Long of(DataFetchingEnvironment env) {
        Long position = env.getArgument("knownAt");
        OffsetDateTime time = env.getArgument("knownAtTime");
        if (position != null && time != null) {
            throw new IllegalArgumentException("give knownAt or knownAtTime, not both");
        }
        return time != null ? positionAt.apply(time) : position;
    }
}
