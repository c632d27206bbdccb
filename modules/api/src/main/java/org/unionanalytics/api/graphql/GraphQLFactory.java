package org.unionanalytics.api.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.unionanalytics.api.command.Mutations;
import org.unionanalytics.api.query.Analytics;
import org.unionanalytics.api.query.Queries;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds the executable schema from the SDL files of {@code schema/} and the resolvers. */
public final class GraphQLFactory {

    /** The SDL files, in the order they build on each other. */
    static final List<String> SDL_FILES = List.of("schema.graphqls", "grassroots.graphqls", "competitions.graphqls",
            "proposals.graphqls", "report.graphqls", "analytics.graphqls");

    /** Deep enough for union → parent → parent … lookups a client may want, not for abuse. */
    public static final int MAX_DEPTH = 12;
    public static final int MAX_FIELDS = 1_000;

    private GraphQLFactory() {
    }

    public static GraphQL create(Queries queries, Analytics analytics, Mutations mutations) {
        TypeDefinitionRegistry types = new TypeDefinitionRegistry();
        SchemaParser parser = new SchemaParser();
        for (String file : SDL_FILES) {
            types.merge(parser.parse(sdl(file)));
        }
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(Scalars.DATE).scalar(Scalars.DATE_TIME).scalar(Scalars.POSITION).scalar(Scalars.YUAN);
        queries.wire(wiring);
        analytics.wire(wiring);
        mutations.wire(wiring);
        GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(types, wiring.build());
        return GraphQL.newGraphQL(schema)
                .defaultDataFetcherExceptionHandler(new ErrorCodes())
                .preparsedDocumentProvider(new ParsedDocuments())
                .instrumentation(new QueryLimits(MAX_DEPTH, MAX_FIELDS))
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
