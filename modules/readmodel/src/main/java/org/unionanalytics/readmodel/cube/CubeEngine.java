package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.Futures;
import org.unionanalytics.readmodel.LastUsed;
import org.unionanalytics.readmodel.ReadModel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Answers cube queries from the read model, bounded in time. Rows come back as maps from member
 * name to value; a time dimension maps each selected granularity to its bucket.
 *
 * <p>Answers are kept for as long as none of the tables they read changes: a dashboard or a report
 * asked again costs a map lookup, not a scan, until a write reaches what it counts (members joining
 * leave the proposals' answers as they were). A question asked while the same is being computed
 * waits for that answer instead of asking DuckDB again.
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
    private final LastUsed<Answer, List<Map<String, Object>>> answers;
    /** Compiling is a third of a millisecond; dashboards and the report ask the same questions again. */
    private final LastUsed<Asked, Compiled> compiled = new LastUsed<>(256);
    /** Questions being computed, so that whoever asks one meanwhile waits for its answer. */
    private final Map<Answer, CompletableFuture<List<Map<String, Object>>>> underWay = new ConcurrentHashMap<>();
    /**
     * The latest last change seen in kept totals, and in which read model: they only grow later, so
     * a question dated before it goes straight to the full question instead of trying them first.
     */
    private volatile SeenLastChange seen;
    private final LongAdder answeredFromKept = new LongAdder();
    private final LongAdder computed = new LongAdder();

    /** A question, the read model it was asked of, and the position of the last change to what it reads. */
    private record Answer(CompiledCube query, ReadModel model, long changedAt) {
    }

    /** A question and the day it was asked on, which a stock cube counts on unless the question names a date. */
    private record Asked(CubeQuery query, LocalDate today) {
    }

    private record Compiled(CompiledCube query, Set<String> tables) {
    }

    private record SeenLastChange(ReadModel model, LocalDate day) {
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
        this.answers = new LastUsed<>(keptAnswers);
    }

    /**
     * The question's answer: kept, or being computed for someone else who asked it at the same
     * moment (dashboards asking again after a write), or computed now.
     */
    public List<Map<String, Object>> run(CubeQuery query) {
        Answer key = answerTo(query);
        List<Map<String, Object>> cached = answers.get(key);
        if (cached != null) {
            answeredFromKept.increment();
            return cached;
        }
        var mine = new CompletableFuture<List<Map<String, Object>>>();
        var theirs = underWay.putIfAbsent(key, mine);
        if (theirs != null) {
            answeredFromKept.increment();
            return Futures.answer(theirs);
        }
        try {
            List<Map<String, Object>> rows = execute(key.model(), key.query());
            computed.increment();
            answers.put(key, rows);
            mine.complete(rows);
            return rows;
        } catch (RuntimeException failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            underWay.remove(key, mine);
        }
    }

    /** The answer {@link #run} would give without asking DuckDB, or null if none is kept (then run it). */
    public List<Map<String, Object>> kept(CubeQuery query) {
        List<Map<String, Object>> cached = answers.get(answerTo(query));
        if (cached != null) {
            answeredFromKept.increment();
        }
        return cached;
    }

    /** Questions answered without asking DuckDB since the start: from kept answers, or shared with another asker. */
    public long answeredFromKept() {
        return answeredFromKept.sum();
    }

    /** Questions DuckDB was asked since the start. */
    public long computed() {
        return computed.sum();
    }

    private Answer answerTo(CubeQuery query) {
        Compiled question = compiled(query);
        return new Answer(question.query(), model.get(), changedAt.of(question.tables()));
    }

    private Compiled compiled(CubeQuery query) {
        Asked asked = new Asked(query, LocalDate.now(query.timezone()));
        Compiled known = compiled.get(asked);
        if (known != null) {
            return known;
        }
        CompiledCube cube = compiler.compile(query, asked.today());
        Compiled fresh = new Compiled(cube, cube.tables());
        compiled.put(asked, fresh);
        return fresh;
    }

    private List<Map<String, Object>> execute(ReadModel model, CompiledCube compiled) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return model.read(connection -> {
            CompiledCube.Latest latest = compiled.latest();
            if (latest != null && latest.answers(seenLastChange(model))) {
                ResultRows rows = run(model, connection, latest.statement(), deadline);
                saw(model, rows.lastChange());
                if (latest.answers(rows.lastChange())) {
                    return rows.all();
                }
            }
            List<CompiledQuery> statements = compiled.statements();
            ResultRows rows = run(model, connection, statements.get(0), deadline);
            if (statements.size() == 1) {
                return rows.all();
            }
            for (CompiledQuery period : statements.subList(1, statements.size())) {
                rows.addAll(run(model, connection, period, deadline));
            }
            rows.sort(compiled.order());
            return rows.page(compiled.offset(), compiled.limit());
        });
    }

    /**
     * Runs one statement, cancelled if it outlives the question's deadline. The statement is kept
     * prepared on the connection for the next question of the same shape, unless it failed.
     */
    private ResultRows run(ReadModel model, Connection connection, CompiledQuery query, long deadline)
            throws SQLException {
        long nanosLeft = deadline - System.nanoTime();
        if (nanosLeft <= 0) {
            throw new QueryTimeout(timeout);
        }
        PreparedStatement statement = model.prepared(connection, query.sql());
        AtomicBoolean cancelled = new AtomicBoolean();
        var canceller = CANCELLER.schedule(() -> {
            cancelled.set(true);
            cancelQuietly(statement);
        }, nanosLeft, TimeUnit.NANOSECONDS);
        try {
            query.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return ResultRows.read(rows);
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

    /** The last change kept totals were seen to hold in {@code model}; the earliest possible day if none was seen. */
    private LocalDate seenLastChange(ReadModel model) {
        SeenLastChange last = seen;
        return last != null && last.model() == model ? last.day() : LocalDate.MIN;
    }

    private void saw(ReadModel model, LocalDate lastChange) {
        SeenLastChange last = seen;
        if (lastChange != null && (last == null || last.model() != model || lastChange.isAfter(last.day()))) {
            seen = new SeenLastChange(model, lastChange);
        }
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
}
