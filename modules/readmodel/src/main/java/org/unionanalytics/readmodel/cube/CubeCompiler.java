package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.cube.CubeQuery.Order;
import org.unionanalytics.readmodel.cube.CubeQuery.TimeSelection;
import org.unionanalytics.readmodel.cube.Filter.Condition;
import org.unionanalytics.readmodel.cube.Filter.Operator;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles a {@link CubeQuery} to one SQL statement:
 * <pre>
 * SELECT dimensions, buckets, measures
 * FROM (the cube's facts on the date, bound) f
 * WHERE filters GROUP BY ALL ORDER BY ... LIMIT ? OFFSET ?
 * </pre>
 * A series of a stock cube is that statement once per period, taken on the period's last day.
 * A question of everything ever recorded over a fragment that is then its table as it is
 * ({@link Facts#WHOLE_TABLES}) reads {@code FROM table f} instead.
 * Member names are checked against the cube's definition before any SQL is written, and every
 * value is bound; the SQL text is made only of the server's own fragments.
 */
public final class CubeCompiler {

    /** Values an {@code in} filter may list. */
    public static final int MAX_LIST = 10_000;
    /** Periods a series may have: a daily series of a year, a weekly one of seven. */
    public static final int MAX_PERIODS = 400;
    private static final LocalDate EVERYTHING = LocalDate.of(9999, 12, 31);
    /** A source that is one fact fragment and nothing else. */
    private static final Pattern WHOLE_FRAGMENT = Pattern.compile("\\s*\\{use:([a-z_]+)}\\s*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(on|use:[a-z_]+|upTo:[\\w.]+|by:[\\w.]+|asKnown:[\\w.]+:[\\w.]+|happened:[\\w.]+:[\\w.]+:[\\w.]+)}");

    public CompiledCube compile(CubeQuery query, LocalDate today) {
        Cube cube = Cubes.ALL.get(query.cube());
        if (cube == null) {
            throw new InvalidCubeQuery("there is no cube named " + query.cube());
        }
        if (query.limit() < 0 || query.limit() > CubeQuery.MAX_LIMIT || query.offset() < 0) {
            throw new InvalidCubeQuery("limit must be between 0 and " + CubeQuery.MAX_LIMIT + " and offset at least 0");
        }
        TimeSelection period = periodOf(cube, query);
        List<Filter> filters = new ArrayList<>();
        List<Object> periodRange = splitPeriodRange(query.where(), filters, period != null);

        List<Sql> before = new ArrayList<>();
        List<Sql> after = new ArrayList<>();
        for (String name : query.dimensions()) {
            Member member = require(cube, name, Member.Kind.DIMENSION);
            before.add(new Sql().append(member.sql() + " AS \"d_" + name + "\""));
        }
        for (TimeSelection time : query.timeDimensions()) {
            if (time != period) {
                after.add(bucket(cube, time, query));
            }
        }
        boolean grouped = !query.dimensions().isEmpty() || !query.timeDimensions().isEmpty();
        for (String name : query.measures()) {
            Member member = require(cube, name, Member.Kind.MEASURE);
            after.add(new Sql().append("CAST(" + member.sql() + " AS " + sqlType(member.type()) + ") AS \"m_" + name + "\""));
        }
        if (before.isEmpty() && after.isEmpty() && period == null) {
            throw new InvalidCubeQuery("select at least one dimension or measure of " + cube.name());
        }
        Sql tail = new Sql();
        if (!filters.isEmpty()) {
            tail.append(" WHERE ");
            compileAll(tail, cube, filters, " AND ");
        }
        if (grouped) {
            tail.append(" GROUP BY ALL");
        }
        List<CompiledCube.OrderTerm> order = orderBy(cube, query);
        if (!order.isEmpty()) {
            tail.append(" ORDER BY ").append(String.join(", ", order.stream().map(CompiledCube.OrderTerm::sql).toList()));
        }
        Long knownAt = query.knownAt();
        NeededColumns needed = new NeededColumns(cube, query);
        if (period == null) {
            LocalDate on = query.asOf() != null ? query.asOf() : cube.stock() ? today : EVERYTHING;
            Sql sql = statement(cube, needed, before, null, after, knownAt, on, null).append(tail);
            sql.append(" LIMIT ").bind(query.limit()).append(" OFFSET ").bind(query.offset());
            return new CompiledCube(List.of(new CompiledQuery(sql.text(), sql.parameters())), order, query.limit(),
                    query.offset(), knownAt == null ? fromLatest(cube, needed, before, after, on, tail, query) : null);
        }
        List<CompiledQuery> statements = new ArrayList<>();
        LocalDate from = (LocalDate) periodRange.get(0);
        LocalDate to = (LocalDate) periodRange.get(1);
        if (from.isAfter(to)) {
            throw new InvalidCubeQuery("the " + Cube.PERIOD + " range starts after it ends");
        }
        Granularity granularity = period.granularity();
        for (LocalDate start = granularity.start(from); !start.isAfter(to); start = granularity.next(start)) {
            if (statements.size() == MAX_PERIODS) {
                throw new InvalidCubeQuery("a series has at most " + MAX_PERIODS + " periods; choose a coarser granularity");
            }
            LocalDate end = granularity.next(start).minusDays(1);
            Sql label = new Sql().append("CAST(").bind(start).append(" AS DATE) AS \"t_" + alias(period) + "\"");
            Sql sql = statement(cube, needed, before, label, after, knownAt, end.isAfter(to) ? to : end, null).append(tail);
            sql.append(" LIMIT ").bind(query.limit() + query.offset());
            statements.add(new CompiledQuery(sql.text(), sql.parameters()));
        }
        return new CompiledCube(statements, order, query.limit(), query.offset(), null);
    }

    /**
     * The question over the totals that stand in for a fact fragment its source names ({@link Facts#LATEST}),
     * or null if it reads none. Its {@code g_lastChange} column gives, from the same snapshot, the
     * day of the last change the totals hold; the engine asks the full question if that is after the date.
     */
    private static CompiledCube.Latest fromLatest(Cube cube, NeededColumns needed, List<Sql> before,
                                                  List<Sql> after, LocalDate on, Sql tail, CubeQuery query) {
        String source = chosenSections(cube.source(), needed);
        Facts.Latest latest = Facts.LATEST.entrySet().stream().filter(e -> source.contains("{use:" + e.getKey() + "}"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (latest == null) {
            return null;
        }
        List<Sql> guarded = new ArrayList<>(after);
        guarded.add(new Sql().append("max(g.last_change) AS \"" + ResultRows.LAST_CHANGE + "\""));
        Sql sql = statement(cube, needed, before, null, guarded, null, on, latest);
        sql.append(" CROSS JOIN (" + latest.lastChange() + ") g(last_change)");
        sql.append(tail).append(" LIMIT ").bind(query.limit()).append(" OFFSET ").bind(query.offset());
        return new CompiledCube.Latest(new CompiledQuery(sql.text(), sql.parameters()), on);
    }

    /**
     * One statement over the cube's facts on one date. A series runs it once per period, each with
     * its own date, rather than one giant UNION: its plan stays small, and a slow series can be
     * cancelled between periods.
     */
    private static Sql statement(Cube cube, NeededColumns needed, List<Sql> before, Sql label, List<Sql> after,
                                 Long knownAt, LocalDate on, Facts.Latest latest) {
        List<Sql> items = new ArrayList<>(before);
        if (label != null) {
            items.add(label);
        }
        items.addAll(after);
        Sql sql = new Sql().append("SELECT ");
        for (int i = 0; i < items.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(items.get(i));
        }
        String source = chosenSections(cube.source(), needed);
        Matcher whole = WHOLE_FRAGMENT.matcher(source);
        if (knownAt == null && on.equals(EVERYTHING) && whole.matches() && Facts.WHOLE_TABLES.contains(whole.group(1))) {
            return sql.append(" FROM " + whole.group(1) + " f");
        }
        sql.append(" FROM (");
        expand(sql, source, needed, knownAt, on, latest);
        return sql.append(") f");
    }

    private static String chosenSections(String fragment, NeededColumns needed) {
        return NeededColumns.SECTION.matcher(fragment).replaceAll(section -> Matcher.quoteReplacement(needed.chosen(section)));
    }

    /**
     * A time dimension's bucket at its granularity ({@link Granularity#bucket}); timestamps are first
     * moved to the query's time zone and taken as their day there.
     */
    private static Sql bucket(Cube cube, TimeSelection time, CubeQuery query) {
        Member member = require(cube, time.dimension(), Member.Kind.TIME_DIMENSION);
        Sql day = new Sql();
        if (member.type() == ValueType.TIMESTAMP) {
            day.append("CAST(timezone(").bind(query.timezone().getId()).append(", " + member.sql() + ") AS DATE)");
        } else {
            day.append(member.sql());
        }
        return time.granularity().bucket(day).append(" AS \"t_" + alias(time) + "\"");
    }

    static String alias(TimeSelection time) {
        return time.dimension() + "_" + time.granularity().unit();
    }

    private static TimeSelection periodOf(Cube cube, CubeQuery query) {
        List<TimeSelection> periods = query.timeDimensions().stream()
                .filter(t -> t.dimension().equals(Cube.PERIOD)).toList();
        if (periods.isEmpty()) {
            return null;
        }
        if (!cube.stock()) {
            throw new InvalidCubeQuery(cube.name() + " counts what happened, not a state: it has no " + Cube.PERIOD
                    + " series; bucket one of its own dates instead");
        }
        if (periods.size() > 1) {
            throw new InvalidCubeQuery("select one granularity of " + Cube.PERIOD);
        }
        if (query.asOf() != null) {
            throw new InvalidCubeQuery("asOf and a " + Cube.PERIOD + " series exclude each other: the series gives each period its own date");
        }
        return periods.get(0);
    }

    /** Takes the series' range out of the top-level filters; the remaining filters go to {@code rest}. */
    private static List<Object> splitPeriodRange(Filter where, List<Filter> rest, boolean needed) {
        List<Filter> topLevel = where == null ? List.of() : where instanceof Filter.And and ? and.all() : List.of(where);
        List<Object> range = null;
        for (Filter filter : topLevel) {
            if (filter instanceof Condition c && c.member().equals(Cube.PERIOD)) {
                if (c.operator() != Operator.IN_DATE_RANGE || range != null) {
                    throw new InvalidCubeQuery(Cube.PERIOD + " takes one inDateRange filter, at the top level of where");
                }
                range = c.values();
            } else {
                rest.add(filter);
            }
        }
        if (!needed && range != null) {
            throw new InvalidCubeQuery("a " + Cube.PERIOD + " filter goes with the " + Cube.PERIOD + " series selected");
        }
        if (needed && range == null) {
            throw new InvalidCubeQuery("a " + Cube.PERIOD + " series needs where: {" + Cube.PERIOD
                    + ": {inDateRange: [\"first day\", \"last day\"]}}");
        }
        return range;
    }

    /**
     * Expands a fragment: keeps the sections whose columns are needed, includes other fragments,
     * masks what was recorded after {@code knownAt} (nothing when it is null), and binds the date
     * {@code on}.
     */
    private static void expand(Sql sql, String fragment, NeededColumns needed, Long knownAt, LocalDate on,
                               Facts.Latest latest) {
        String template = chosenSections(fragment, needed);
        Matcher placeholder = PLACEHOLDER.matcher(template);
        int last = 0;
        while (placeholder.find()) {
            sql.append(template.substring(last, placeholder.start()));
            String name = placeholder.group(1);
            if (name.equals("on")) {
                sql.append("CAST(").bind(on).append(" AS DATE)");
            } else if (name.startsWith("by:")) {
                if (on.equals(EVERYTHING)) {
                    sql.append("TRUE");
                } else {
                    sql.append(name.substring(3) + " <= CAST(").bind(on).append(" AS DATE)");
                }
            } else if (name.startsWith("upTo:")) {
                if (knownAt == null) {
                    sql.append("TRUE");
                } else {
                    sql.append(name.substring(5) + " <= ").bind(knownAt);
                }
            } else if (name.startsWith("happened:")) {
                String[] parts = name.split(":");
                if (knownAt == null && on.equals(EVERYTHING)) {
                    sql.append(parts[1]);
                } else {
                    sql.append("CASE WHEN ");
                    expand(sql, "{upTo:" + parts[2] + "} AND {by:" + parts[3] + "}", needed, knownAt, on, latest);
                    sql.append(" THEN " + parts[1] + " END");
                }
            } else if (name.startsWith("asKnown:")) {
                String[] parts = name.split(":");
                if (knownAt == null) {
                    sql.append(parts[1]);
                } else {
                    sql.append("CASE WHEN " + parts[2] + " <= ").bind(knownAt).append(" THEN " + parts[1] + " END");
                }
            } else {
                String fragmentName = name.substring(4);
                if (latest != null && Facts.LATEST.get(fragmentName) == latest) {
                    fragmentName = latest.fragment();
                }
                String included = Facts.FRAGMENTS.get(fragmentName);
                if (included == null) {
                    throw new IllegalStateException("no fact fragment named " + name);
                }
                expand(sql, included, needed, knownAt, on, latest);
            }
            last = placeholder.end();
        }
        sql.append(template.substring(last));
    }

    private static Member require(Cube cube, String name, Member.Kind kind) {
        Member member = cube.member(name).orElseThrow(() -> new InvalidCubeQuery(
                cube.name() + " has no member named " + name));
        if (member.kind() != kind) {
            throw new InvalidCubeQuery(name + " of " + cube.name() + " is a " + member.kind().name().toLowerCase()
                    .replace('_', ' ') + ", not a " + kind.name().toLowerCase().replace('_', ' '));
        }
        return member;
    }

    private static void compileAll(Sql sql, Cube cube, List<Filter> filters, String joiner) {
        for (int i = 0; i < filters.size(); i++) {
            sql.append(i == 0 ? "(" : joiner);
            compile(sql, cube, filters.get(i));
        }
        sql.append(filters.isEmpty() ? "TRUE" : ")");
    }

    private static void compile(Sql sql, Cube cube, Filter filter) {
        if (filter instanceof Filter.And and) {
            compileAll(sql, cube, and.all(), " AND ");
        } else if (filter instanceof Filter.Or or) {
            compileAll(sql, cube, or.any(), " OR ");
        } else {
            condition(sql, cube, (Condition) filter);
        }
    }

    private static void condition(Sql sql, Cube cube, Condition c) {
        if (c.member().equals(Cube.PERIOD)) {
            throw new InvalidCubeQuery(Cube.PERIOD + " filters go at the top level of where");
        }
        Member member = cube.member(c.member()).orElseThrow(() -> new InvalidCubeQuery(
                cube.name() + " has no member named " + c.member()));
        if (member.kind() == Member.Kind.MEASURE) {
            throw new InvalidCubeQuery("where filters dimensions; " + c.member() + " is a measure");
        }
        String x = member.sql();
        List<Object> values = c.values();
        switch (c.operator()) {
            case EQUALS -> sql.append(x + " = ").bind(one(c));
            case NOT_EQUALS -> sql.append(x + " IS DISTINCT FROM ").bind(one(c));
            case IN, NOT_IN -> {
                if (values.isEmpty() || values.size() > MAX_LIST) {
                    throw new InvalidCubeQuery(c.member() + ": an in or notIn list holds 1 to " + MAX_LIST + " values");
                }
                sql.append(x + (c.operator() == Operator.IN ? " IN (" : " NOT IN ("));
                for (int i = 0; i < values.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").bind(values.get(i));
                }
                sql.append(")");
            }
            case CONTAINS -> {
                requireType(c, member, ValueType.STRING);
                sql.append("contains(lower(" + x + "), lower(").bind(one(c)).append("))");
            }
            case GT -> sql.append(x + " > ").bind(ordered(c, member));
            case GTE -> sql.append(x + " >= ").bind(ordered(c, member));
            case LT -> sql.append(x + " < ").bind(ordered(c, member));
            case LTE -> sql.append(x + " <= ").bind(ordered(c, member));
            case IN_DATE_RANGE -> {
                if (values.size() != 2 || !(values.get(0) instanceof LocalDate from) || !(values.get(1) instanceof LocalDate to)) {
                    throw new InvalidCubeQuery(c.member() + ": inDateRange takes two dates, the first and the last day");
                }
                if (from.isAfter(to)) {
                    throw new InvalidCubeQuery(c.member() + ": the range " + from + " to " + to + " starts after it ends");
                }
                if (member.type() == ValueType.TIMESTAMP) {
                    sql.append("CAST(" + x + " AS DATE) BETWEEN ").bind(from).append(" AND ").bind(to);
                } else {
                    requireType(c, member, ValueType.DATE);
                    sql.append(x + " BETWEEN ").bind(from).append(" AND ").bind(to);
                }
            }
            case SET -> sql.append(x + (Boolean.TRUE.equals(one(c)) ? " IS NOT NULL" : " IS NULL"));
        }
    }

    private static Object one(Condition c) {
        if (c.values().size() != 1 || c.values().get(0) == null) {
            throw new InvalidCubeQuery(c.member() + ": " + c.operator().name().toLowerCase() + " takes one value");
        }
        return c.values().get(0);
    }

    private static Object ordered(Condition c, Member member) {
        if (member.type() == ValueType.STRING || member.type() == ValueType.BOOLEAN) {
            throw new InvalidCubeQuery(c.member() + " is not ordered; use equals or in");
        }
        Object value = one(c);
        if (member.type() == ValueType.TIMESTAMP && !(value instanceof OffsetDateTime)) {
            throw new InvalidCubeQuery(c.member() + " compares with an instant such as 2017-09-21T00:00:00+08:00");
        }
        return value;
    }

    private static void requireType(Condition c, Member member, ValueType type) {
        if (member.type() != type) {
            throw new InvalidCubeQuery(c.member() + " does not take " + c.operator().name().toLowerCase());
        }
    }

    private static List<CompiledCube.OrderTerm> orderBy(Cube cube, CubeQuery query) {
        List<CompiledCube.OrderTerm> terms = new ArrayList<>();
        if (query.orderBy().isEmpty()) {
            query.timeDimensions().forEach(t -> terms.add(new CompiledCube.OrderTerm("t_" + alias(t), false)));
            query.dimensions().forEach(d -> terms.add(new CompiledCube.OrderTerm("d_" + d, false)));
        }
        for (Order order : query.orderBy()) {
            String column;
            if (order.granularity() != null) {
                TimeSelection time = new TimeSelection(order.member(), order.granularity());
                if (!query.timeDimensions().contains(time)) {
                    throw new InvalidCubeQuery("order by " + order.member() + " " + order.granularity().unit()
                            + " needs that granularity selected");
                }
                column = "t_" + alias(time);
            } else if (query.dimensions().contains(order.member())) {
                column = "d_" + order.member();
            } else if (query.measures().contains(order.member())) {
                column = "m_" + order.member();
            } else {
                throw new InvalidCubeQuery("order by " + order.member() + " needs it selected"
                        + (cube.member(order.member()).map(m -> m.kind() == Member.Kind.TIME_DIMENSION).orElse(false)
                        || order.member().equals(Cube.PERIOD) ? " with the granularity named in the order" : ""));
            }
            terms.add(new CompiledCube.OrderTerm(column, order.descending()));
        }
        return terms;
    }

    private static String sqlType(ValueType type) {
        return switch (type) {
            case INTEGER -> "BIGINT";
            case RATE -> "DOUBLE";
            case MONEY -> "DECIMAL(18, 2)";
            default -> throw new IllegalStateException("measures are counts, rates or money, not " + type);
        };
    }
}
