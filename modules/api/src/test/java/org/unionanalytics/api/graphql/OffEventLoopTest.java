package org.unionanalytics.api.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Resolvers read DuckDB, so a query that arrives on an event loop is resolved elsewhere. */
class OffEventLoopTest {

    private final ExecutorService queryThreads = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "query-1"));
    private final Vertx vertx = Vertx.vertx();
    /** A schema whose one field answers with the name of the thread that resolved it. */
    private final GraphQL graphQL = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
                    new SchemaParser().parse("type Query { resolvedOn: String }"),
                    RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("resolvedOn",
                            env -> Thread.currentThread().getName())).build()))
            .queryExecutionStrategy(new OffEventLoop(new SimpleDataFetcherExceptionHandler(), queryThreads))
            .build();

    @AfterEach
    void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
        queryThreads.shutdown();
    }

    @Test
    void a_query_arriving_on_an_event_loop_is_resolved_on_a_query_thread() throws Exception {
        CompletableFuture<ExecutionResult> answer = new CompletableFuture<>();
        vertx.runOnContext(ignored -> graphQL.executeAsync(ExecutionInput.newExecutionInput("{ resolvedOn }")).whenComplete((result, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(failure);
            } else {
                answer.complete(result);
            }
        }));
        assertThat(resolvedOn(answer.get(10, TimeUnit.SECONDS))).isEqualTo("query-1");
    }

    @Test
    void a_query_arriving_on_any_other_thread_is_resolved_where_it_is() {
        assertThat(resolvedOn(graphQL.execute("{ resolvedOn }"))).isEqualTo(Thread.currentThread().getName());
    }

    private static String resolvedOn(ExecutionResult result) {
        assertThat(result.getErrors()).isEmpty();
        Map<String, Object> data = result.getData();
        return (String) data.get("resolvedOn");
    }
}
