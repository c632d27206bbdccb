package org.unionanalytics.app;

import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.graphql.GraphQLHandler;

/** The baseline of the benchmark: Vert.x and graphql-java with nothing of ours, answering {@code { hello }}. */
final class BareEndpoint implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;

    BareEndpoint() {
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { hello: String }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("hello", env -> "world")).build());
        Router router = Router.router(vertx);
        router.route("/graphql").handler(BodyHandler.create()).handler(GraphQLHandler.create(GraphQL.newGraphQL(schema).build()));
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().join();
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }
}
