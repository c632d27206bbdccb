package org.unionanalytics.api.query;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.SelectedField;
import graphql.schema.idl.RuntimeWiring;
import org.unionanalytics.readmodel.cube.Cube;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.cube.CubeQuery.Order;
import org.unionanalytics.readmodel.cube.CubeQuery.TimeSelection;
import org.unionanalytics.readmodel.cube.Cubes;
import org.unionanalytics.readmodel.cube.Filter;
import org.unionanalytics.readmodel.cube.Filter.Operator;
import org.unionanalytics.readmodel.cube.Granularity;
import org.unionanalytics.readmodel.cube.InvalidCubeQuery;
import org.unionanalytics.readmodel.cube.Member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code analytics} field: turns a cube field's selection and arguments into a
 * {@link CubeQuery}. The selected dimensions are the group-by, time dimensions bring their
 * selected granularities, measures are aggregated.
 */
public final class Analytics {

    private static final Map<String, Operator> OPERATORS = Map.ofEntries(
            Map.entry("equals", Operator.EQUALS), Map.entry("notEquals", Operator.NOT_EQUALS),
            Map.entry("in", Operator.IN), Map.entry("notIn", Operator.NOT_IN), Map.entry("contains", Operator.CONTAINS),
            Map.entry("gt", Operator.GT), Map.entry("gte", Operator.GTE), Map.entry("lt", Operator.LT),
            Map.entry("lte", Operator.LTE), Map.entry("inDateRange", Operator.IN_DATE_RANGE), Map.entry("set", Operator.SET));

    private final CubeEngine engine;
    private final KnownAt knownAt;

    public Analytics(CubeEngine engine, KnownAt knownAt) {
        this.engine = engine;
        this.knownAt = knownAt;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Query", type -> type.dataFetcher("analytics", env -> Map.of()));
        wiring.type("Analytics", type -> {
            Cubes.ALL.keySet().forEach(cube -> type.dataFetcher(cube, env -> engine.run(query(cube, env))));
            return type;
        });
    }

    private CubeQuery query(String name, DataFetchingEnvironment env) {
        Cube cube = Cubes.ALL.get(name);
        Set<String> dimensions = new LinkedHashSet<>();
        Set<TimeSelection> times = new LinkedHashSet<>();
        Set<String> measures = new LinkedHashSet<>();
        for (SelectedField field : env.getSelectionSet().getImmediateFields()) {
            String member = field.getName();
            if (member.equals("__typename")) {
                continue;
            }
            Member.Kind kind = member.equals(Cube.PERIOD) ? Member.Kind.TIME_DIMENSION
                    : cube.member(member).map(Member::kind).orElseThrow();
            switch (kind) {
                case DIMENSION -> dimensions.add(member);
                case MEASURE -> measures.add(member);
                case TIME_DIMENSION -> field.getSelectionSet().getImmediateFields().stream()
                        .filter(bucket -> !bucket.getName().equals("__typename"))
                        .forEach(bucket -> times.add(new TimeSelection(member, Granularity.ofUnit(bucket.getName()))));
            }
        }
        Map<String, Object> where = env.getArgument("where");
        return new CubeQuery(name, List.copyOf(dimensions), List.copyOf(times), List.copyOf(measures),
                where == null ? null : filter(where), orders(env.getArgument("orderBy")), env.getArgument("limit"),
                env.getArgument("offset"), env.<LocalDate>getArgument("asOf"), knownAt.of(env), zone(env.getArgument("timezone")));
    }

    private static ZoneId zone(String timezone) {
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidCubeQuery("timezone '" + timezone + "' is not a time zone such as Asia/Shanghai or UTC");
        }
    }

    @SuppressWarnings("unchecked")
    private static Filter filter(Map<String, Object> where) {
        List<Filter> all = new ArrayList<>();
        where.forEach((key, value) -> {
            if (value == null) {
                return;
            }
            if (key.equals("AND") || key.equals("OR")) {
                List<Filter> parts = ((List<Map<String, Object>>) value).stream().map(Analytics::filter).toList();
                all.add(key.equals("AND") ? new Filter.And(parts) : new Filter.Or(parts));
                return;
            }
            ((Map<String, Object>) value).forEach((operator, operand) -> {
                if (operand != null) {
                    List<Object> values = operand instanceof List<?> list && !operator.equals("set")
                            ? new ArrayList<>(list) : List.of(operand);
                    all.add(new Filter.Condition(key, OPERATORS.get(operator), values));
                }
            });
        });
        return new Filter.And(all);
    }

    private static List<Order> orders(List<Map<String, Object>> orderBy) {
        if (orderBy == null) {
            return List.of();
        }
        return orderBy.stream().map(order -> new Order((String) order.get("by"),
                order.get("granularity") == null ? null : Granularity.valueOf((String) order.get("granularity")),
                "DESC".equals(order.get("direction")))).toList();
    }
}
