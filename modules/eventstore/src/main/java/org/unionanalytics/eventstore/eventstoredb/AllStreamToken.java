package org.unionanalytics.eventstore.eventstoredb;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.axonframework.eventhandling.TrackingToken;

import java.util.OptionalLong;

/**
 * Where a reader of EventStoreDB's {@code $all} stream stands: the (commit, prepare) position of
 * the last event it has seen. Positions are totally ordered by commit, then prepare, so bounds are
 * the smaller or larger of two tokens and a token covers every token at or before it; that is what
 * Axon's replay tokens rely on. {@link #START} stands before the first event.
 */
public record AllStreamToken(long commit, long prepare) implements TrackingToken, Comparable<AllStreamToken> {

    public static final AllStreamToken START = new AllStreamToken(-1, -1);

    @JsonIgnore
    public boolean isStart() {
        return commit < 0;
    }

    @Override
    public int compareTo(AllStreamToken other) {
        int byCommit = Long.compare(commit, other.commit);
        return byCommit != 0 ? byCommit : Long.compare(prepare, other.prepare);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        AllStreamToken that = cast(other);
        return compareTo(that) <= 0 ? this : that;
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        AllStreamToken that = cast(other);
        return compareTo(that) >= 0 ? this : that;
    }

    @Override
    public boolean covers(TrackingToken other) {
        return other == null || compareTo(cast(other)) >= 0;
    }

    @Override
    public boolean samePositionAs(TrackingToken other) {
        return other != null && compareTo(cast(other)) == 0;
    }

    /** The commit position: the log offset at which the event's transaction committed. */
    @Override
    public OptionalLong position() {
        return isStart() ? OptionalLong.of(0) : OptionalLong.of(commit);
    }

    private static AllStreamToken cast(TrackingToken other) {
        if (other instanceof AllStreamToken token) {
            return token;
        }
        throw new IllegalArgumentException("an EventStoreDB position cannot be compared with "
                + (other == null ? "null" : other.getClass().getSimpleName()));
    }
}
