package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.ReadModel;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers cube queries from the read model, bounded in time. Rows come back as maps from member
 * name to value; a time dimension maps each selected granularity to its bucket.
 *
 * <p>Answers are kept for as long as the read model stays at the position they were computed at:
 * a dashboard or a report asked again between two writes costs a map lookup, not a scan.
 */
public final class CubeEngine {

    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "query-canceller");
        thread.setDaemon(true);
        return thread;
    });

    private final Supplier<ReadModel> model;
    private final LongSupplier position;
    private final CubeCompiler compiler = new CubeCompiler();
    private final Duration timeout;
    private final Map<Answer, List<Map<String, Object>>> answers;

    /** A question, the read model it was asked of, and that model's position. */
    private record Answer(CompiledQuery query, ReadModel model, long position) {
    }

    /** Keeps up to 256 answers. */
    public CubeEngine(Supplier<ReadModel> model, LongSupplier position, Duration timeout) {
        this(model, position, timeout, 256);
    }

    /** @param keptAnswers answers kept at once (each at most {@link CubeQuery#MAX_LIMIT} rows); 0 keeps none */
    public CubeEngine(Supplier<ReadModel> model, LongSupplier position, Duration timeout, int keptAnswers) {
        this.model = model;
        this.position = position;
        this.timeout = timeout;
        this.answers = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Answer, List<Map<String, Object>>> eldest) {
                return size() > keptAnswers;
            }
        });
    }

    public List<Map<String, Object>> run(CubeQuery query) {
        CompiledQuery compiled = compiler.compile(query, LocalDate.now(query.timezone()));
        Answer key = new Answer(compiled, model.get(), position.getAsLong());
        List<Map<String, Object>> cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        List<Map<String, Object>> rows = execute(key.model(), compiled);
        answers.put(key, rows);
        return rows;
    }

    private List<Map<String, Object>> execute(ReadModel model, CompiledQuery compiled) {
        return model.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(compiled.sql())) {
                for (int i = 0; i < compiled.parameters().size(); i++) {
                    statement.setObject(i + 1, compiled.parameters().get(i));
                }
                AtomicBoolean cancelled = new AtomicBoolean();
                var canceller = CANCELLER.schedule(() -> {
                    cancelled.set(true);
                    cancelQuietly(statement);
                }, timeout.toMillis(), TimeUnit.MILLISECONDS);
                try (ResultSet rows = statement.executeQuery()) {
                    return List.copyOf(rows(rows));
                } catch (SQLException e) {
                    if (cancelled.get()) {
                        throw new QueryTimeout(timeout);
                    }
                    throw e;
                } finally {
                    canceller.cancel(false);
                }
            }
        });
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

    private static List<Map<String, Object>> rows(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        List<Map<String, Object>> result = new ArrayList<>();
        while (rows.next()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String label = meta.getColumnLabel(i);
                Object value = meta.getColumnType(i) == Types.DATE ? rows.getObject(i, LocalDate.class) : rows.getObject(i);
                if (value instanceof BigDecimal money) {
                    value = money.toPlainString();
                }
                put(row, label, value);
            }
            result.add(row);
        }
        return result;
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
