package org.unionanalytics.app;

import org.unionanalytics.readmodel.Futures;
import org.unionanalytics.readmodel.ReadModel;
import org.unionanalytics.readmodel.cube.CompiledCube;
import org.unionanalytics.readmodel.cube.CompiledQuery;
import org.unionanalytics.readmodel.cube.CubeCompiler;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.query.ReportQuery;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The computed report's raw figure: its statements, as the cube engine compiles them, sent
 * straight to DuckDB, as many at once as the server's report pool runs. Timed beside the report
 * over HTTP, it shows what GraphQL, HTTP and the engine add to DuckDB's own time.
 */
final class RawReport implements Runnable, AutoCloseable {

    private final ReadModel model;
    private final List<CompiledQuery> statements;
    private final ExecutorService threads;

    RawReport(ReadModel model, ReportQuery.Questions questions, int threads) {
        this.model = model;
        CubeCompiler compiler = new CubeCompiler();
        LocalDate today = LocalDate.now(CubeEngine.defaultZone());
        this.statements = questions.all().stream().map(question -> {
            CompiledCube compiled = compiler.compile(question, today);
            int statements = compiled.statements().size();
            if (statements != 1) {
                throw new IllegalStateException("a report question compiles to one statement, not " + statements);
            }
            // the engine tries kept totals first, and at the bench's date they answer
            return compiled.latest() != null ? compiled.latest().statement() : compiled.statements().get(0);
        }).toList();
        this.threads = Executors.newFixedThreadPool(threads);
    }

    /** Runs the statements at once and waits for every answer. */
    @Override
    public void run() {
        statements.stream().map(statement -> CompletableFuture.supplyAsync(() -> firstValue(statement), threads))
                .toList().forEach(Futures::answer);
    }

    private Object firstValue(CompiledQuery statement) {
        return model.read(connection -> {
            PreparedStatement prepared = model.prepared(connection, statement.sql());
            statement.bind(prepared);
            try (ResultSet rows = prepared.executeQuery()) {
                rows.next();
                return rows.getObject(1);
            }
        });
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
