package org.unionanalytics.api.graphql;

import graphql.GraphQL;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.unionanalytics.api.access.RoleCheck;
import org.unionanalytics.api.command.Mutations;
import org.unionanalytics.api.history.History;
import org.unionanalytics.api.live.ChangedAnswersOnly;
import org.unionanalytics.api.live.Subscriptions;
import org.unionanalytics.api.query.Analytics;
import org.unionanalytics.api.query.Queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;

/** Builds the executable schema from the SDL files of {@code schema/} and the resolvers. */
public final class GraphQLFactory {

    /** The SDL files, in the order they build on each other. */
    static final List<String> SDL_FILES = List.of("schema.graphqls", "grassroots.graphqls", "competitions.graphqls",
            "proposals.graphqls", "report.graphqls", "analytics.graphqls", "live.graphqls", "history.graphqls");

    /** Deep enough for union → parent → parent … lookups a client may want, not for abuse. */
    public static final int MAX_DEPTH = 12;
    public static final int MAX_FIELDS = 1_000;

    private GraphQLFactory() {
    }

    /** @param queryThreads where queries arriving on an event loop (over the WebSocket) are resolved */
    public static GraphQL create(Queries queries, Analytics analytics, Mutations mutations, Subscriptions subscriptions,
                                 History history, Executor queryThreads) {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        for (String file : SDL_FILES) {
            types.merge(parser.parse(sdl(file)));
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE).scalar(Scalars.DATE_TIME).scalar(Scalars.POSITION).scalar(Scalars.YUAN)
                .scalar(Scalars.JSON);
        queries.wire(wiring);
        analytics.wire(wiring);
        mutations.wire(wiring);
        subscriptions.wire(wiring);
        history.wire(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        ErrorCodes errors = new ErrorCodes();
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(errors)
                .queryExecutionStrategy(new OffEventLoop(errors, queryThreads))
                .preparsedDocumentProvider(new ParsedDocuments())
                .instrumentation(new ChainedInstrumentation(new RoleCheck(), new QueryLimits(MAX_DEPTH, MAX_FIELDS),
                        new ChangedAnswersOnly()))
                .build();
    }

    private static String sdl(String file) {
        try (InputStream in = GraphQLFactory.class.getResourceAsStream("/schema/" + file)) {
            if (in == null) {
                throw new IllegalStateException("schema file " + file + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
