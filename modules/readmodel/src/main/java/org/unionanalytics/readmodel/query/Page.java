package org.unionanalytics.readmodel.query;

import java.util.List;
import java.util.Map;

/** One page of a keyset-paginated list, ordered by id. */
public record Page(List<Map<String, Object>> rows, boolean hasNextPage, long totalCount) {
}
