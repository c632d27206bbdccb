package org.unionanalytics.readmodel.cube;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One question to a cube. The selected dimensions and time dimensions are the group-by, the
 * selected measures are aggregated over each group.
 *
 * @param asOf     the business date to take the facts on; null for the cube's default
 * @param knownAt  the last event position to take into account; null for everything known
 * @param timezone the zone in which timestamps are bucketed
 */
public record CubeQuery(String cube, List<String> dimensions, List<TimeSelection> timeDimensions,
                        List<String> measures, Filter where, List<Order> orderBy, int limit, int offset,
                        LocalDate asOf, Long knownAt, ZoneId timezone) {

    public static final int DEFAULT_LIMIT = 10_000;
    public static final int MAX_LIMIT = 50_000;

    public record TimeSelection(String dimension, Granularity granularity) {
    }

    /** Orders by a selected member; a time dimension names the granularity it is ordered by. */
    public record Order(String member, Granularity granularity, boolean descending) {
    }
}
