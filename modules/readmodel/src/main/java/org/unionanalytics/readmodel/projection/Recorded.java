package org.unionanalytics.readmodel.projection;

import java.time.OffsetDateTime;

/**
 * Where and when an event entered the log: its global position, its timestamp (UTC), and whether
 * it is the first event of its aggregate (a member's first joining has no earlier spell to close).
 */
public record Recorded(long position, OffsetDateTime at, boolean firstOfAggregate) {
}
