package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.ReadModel;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Answers cube queries from the read model, bounded in time. Rows come back as maps from member
 * name to value; a time dimension maps each selected granularity to its bucket.
 *
 * <p>Answers are kept for as long as none of the tables they read changes: a dashboard or a report
 * asked again costs a map lookup, not a scan, until a write reaches what it counts (members joining
 * leave the proposals' answers as they were).
 */
public final class CubeEngine {

    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-canceller");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<ReadModel> model;
    private final ChangedAt changedAt;
    private final CubeCompiler compiler = new CubeCompiler();
    private final Duration timeout;
    private final Map<Answer, List<Map<String, Object>>> answers;

    /** A question, the read model it was asked of, and the position of the last change to what it reads. */
    private record Answer(CompiledCube query, ReadModel model, long changedAt) {
    }

    /** Where the read model last changed some tables: the position of the last event that did. */
    @FunctionalInterface
    public interface ChangedAt {
        long of(Set<String> tables);
    }

    /** Keeps up to 256 answers. */
    public CubeEngine(Supplier<ReadModel> model, ChangedAt changedAt, Duration timeout) {
        this(model, changedAt, timeout, 256);
    }

    /** @param keptAnswers answers kept at once (each at most {@link CubeQuery#MAX_LIMIT} rows); 0 keeps none */
    public CubeEngine(Supplier<ReadModel> model, ChangedAt changedAt, Duration timeout, int keptAnswers) {
        this.model = model;
        this.changedAt = changedAt;
        this.timeout = timeout;
        this.answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Answer, List<Map<String, Object>>> eldest) {
                return size() > keptAnswers;
            }
        });
    }

    public List<Map<String, Object>> run(CubeQuery query) {
        CompiledCube compiled = compiler.compile(query, LocalDate.now(query.timezone()));
        Answer key = new Answer(compiled, model.get(), changedAt.of(compiled.tables()));
        List<Map<String, Object>> cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        List<Map<String, Object>> rows = execute(key.model(), compiled);
        answers.put(key, rows);
        return rows;
    }

    private List<Map<String, Object>> execute(ReadModel model, CompiledCube compiled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return model.read(connection -> {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (CompiledQuery query : compiled.statements()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new QueryTimeout(timeout);
                }
                rows.addAll(run(model, connection, query, left));
            }
            if (compiled.statements().size() > 1) {
                rows.sort(order(compiled.order()));
                rows = rows.subList(Math.min(compiled.offset(), rows.size()),
                        Math.min(compiled.offset() + compiled.limit(), rows.size()));
            }
            return rows.stream().map(CubeEngine::nest).toList();
        });
    }

    /**
     * Runs one statement, cancelled if it outlives the time left. The statement is kept prepared
     * on the connection for the next question of the same shape, unless it failed.
     */
    private List<Map<String, Object>> run(ReadModel model, Connection connection, CompiledQuery query, long nanosLeft)
            throws SQLException {
        PreparedStatement statement = model.prepared(connection, query.sql());
        AtomicBoolean cancelled = new AtomicBoolean();
        var canceller = CANCELLER.schedule(() -> {
            cancelled.set(true);
            cancelQuietly(statement);
        }, nanosLeft, TimeUnit.NANOSECONDS);
        try {
            for (int i = 0; i < query.parameters().size(); i++) {
                statement.setObject(i + 1, query.parameters().get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                return flat(rows);
            }
        } catch (SQLException e) {
            model.forget(connection, query.sql());
            if (cancelled.get()) {
                throw new QueryTimeout(timeout);
            }
            throw e;
        } finally {
            canceller.cancel(false);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Map<String, Object>> order(List<CompiledCube.OrderTerm> terms) {
        Comparator<Map<String, Object>> order = (a, b) -> 0;
        for (CompiledCube.OrderTerm term : terms) {
            Comparator<Comparable> values = term.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
            order = order.thenComparing(row -> (Comparable) row.get(term.column()), Comparator.nullsLast(values));
        }
        return order;
    }

    public static ZoneId defaultZone() {
        return ZoneId.of("Asia/Shanghai");
    }

    private static void cancelQuietly(PreparedStatement statement) {
        try {
            statement.cancel();
        } catch (SQLException ignored) {
            // the statement finished as it was being cancelled
        }
    }

    /** Rows as output column to value; dates, and time buckets (midnight of their first day), as {@link LocalDate}. */
    private static List<Map<String, Object>> flat(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int columns = meta.getColumnCount();
        String[] labels = new String[columns + 1];
        Read[] reads = new Read[columns + 1];
        for (int i = 1; i <= columns; i++) {
            labels[i] = meta.getColumnLabel(i);
            reads[i] = meta.getColumnType(i) == Types.DATE ? Read.DATE
                    : meta.getColumnType(i) == Types.TIMESTAMP && labels[i].startsWith("t_") ? Read.BUCKET : Read.AS_IS;
        }
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= columns; i++) {
                row.put(labels[i], reads[i].value(rows, i));
            }
            result.add(row);
        }
        return result;
    }

    /** How a column's values are read, decided once per result rather than once per value. */
    private enum Read {
        DATE, BUCKET, AS_IS;

        Object value(ResultSet rows, int column) throws SQLException {
            return switch (this) {
                case DATE -> rows.getObject(column, LocalDate.class);
                case BUCKET -> {
                    LocalDateTime midnight = rows.getObject(column, LocalDateTime.class);
                    yield midnight == null ? null : midnight.toLocalDate();
                }
                case AS_IS -> rows.getObject(column);
            };
        }
    }

    /** Member names as the API gives them; money as a plain string. */
    private static Map<String, Object> nest(Map<String, Object> flat) {
        Map<String, Object> row = new LinkedHashMap<>();
        flat.forEach((label, value) -> put(row, label, value instanceof BigDecimal money ? money.toPlainString() : value));
        return row;
    }

    /** d_name and m_name are flat; t_name_granularity nests under the time dimension's name. */
    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> row, String label, Object value) {
        String name = label.substring(2);
        if (label.startsWith("t_")) {
            int split = name.lastIndexOf('_');
            ((Map<String, Object>) row.computeIfAbsent(name.substring(0, split), key -> new LinkedHashMap<>()))
                    .put(name.substring(split + 1), value);
        } else {
            row.put(name, value);
        }
    }
}
