package org.unionanalytics.readmodel.query;

import java.util.List;
import java.util.Map;

/**
 * How one entity is read: the SELECT list (aliased to the public field names), its table and id
 * column, and the filters clients may use. Filters are fixed SQL fragments with one bound
 * parameter each; no client text ever becomes SQL.
 *
 * @param valueFilters filter name to a fragment with exactly one {@code ?}
 * @param flagFilters  filter name to the fragments for true and for false
 */
public record EntityView(String table, String idColumn, String select, Map<String, String> valueFilters,
                         Map<String, List<String>> flagFilters) {
}
