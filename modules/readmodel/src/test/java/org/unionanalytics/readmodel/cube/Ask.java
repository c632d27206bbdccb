package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.cube.CubeQuery.Order;
import org.unionanalytics.readmodel.cube.CubeQuery.TimeSelection;
import org.unionanalytics.readmodel.cube.Filter.Condition;
import org.unionanalytics.readmodel.cube.Filter.Operator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds cube queries in tests: {@code ask("membership").by("district").measure("members").asOf(...)}. */
final class Ask {

    private final String cube;
    private final List<String> dimensions = new ArrayList<>();
    private final List<TimeSelection> times = new ArrayList<>();
    private final List<String> measures = new ArrayList<>();
    private final List<Filter> where = new ArrayList<>();
    private final List<Order> orderBy = new ArrayList<>();
    private LocalDate asOf;
    private Long knownAt;
    private int limit = CubeQuery.DEFAULT_LIMIT;
    private int offset;

    private Ask(String cube) {
        this.cube = cube;
    }

    static Ask ask(String cube) {
        return new Ask(cube);
    }

    Ask by(String... names) {
        dimensions.addAll(List.of(names));
        return this;
    }

    Ask per(String timeDimension, Granularity granularity) {
        times.add(new TimeSelection(timeDimension, granularity));
        return this;
    }

    Ask measure(String... names) {
        measures.addAll(List.of(names));
        return this;
    }

    Ask where(String member, Operator operator, Object... values) {
        where.add(new Condition(member, operator, List.of(values)));
        return this;
    }

    Ask where(Filter filter) {
        where.add(filter);
        return this;
    }

    Ask orderBy(String member, boolean descending) {
        orderBy.add(new Order(member, null, descending));
        return this;
    }

    Ask asOf(String date) {
        asOf = LocalDate.parse(date);
        return this;
    }

    Ask knownAt(long position) {
        knownAt = position;
        return this;
    }

    Ask limit(int rows) {
        limit = rows;
        return this;
    }

    Ask offset(int rows) {
        offset = rows;
        return this;
    }

    CubeQuery query() {
        return new CubeQuery(cube, dimensions, times, measures, where.isEmpty() ? null : new Filter.And(where), orderBy,
                limit, offset, asOf, knownAt, CubeEngine.defaultZone());
    }
}
