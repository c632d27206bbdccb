package org.unionanalytics.readmodel.projection;

import java.time.OffsetDateTime;

/** Where and when an event entered the log: its global position and its timestamp (UTC). */
public record Recorded(long position, OffsetDateTime at) {
}
