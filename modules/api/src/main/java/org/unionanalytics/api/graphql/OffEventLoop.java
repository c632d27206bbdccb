package org.unionanalytics.api.graphql;

import graphql.ExecutionResult;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import io.vertx.core.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Resolves a query on the query threads when it arrives on an event loop, as queries sent over
 * the WebSocket do: its resolvers read DuckDB, and an event loop must never wait. Over HTTP the
 * handler has already moved the request to a query thread, so nothing changes there.
 */
final class OffEventLoop extends AsyncExecutionStrategy {

    private final Executor queryThreads;

    OffEventLoop(DataFetcherExceptionHandler errors, Executor queryThreads) {
        super(errors);
        this.queryThreads = queryThreads;
    }

    @Override
    public CompletableFuture<ExecutionResult> execute(ExecutionContext context, ExecutionStrategyParameters parameters) {
        if (!Context.isOnEventLoopThread()) {
            return super.execute(context, parameters);
        }
        return CompletableFuture.supplyAsync(() -> super.execute(context, parameters), queryThreads)
                .thenCompose(Function.identity());
    }
}
