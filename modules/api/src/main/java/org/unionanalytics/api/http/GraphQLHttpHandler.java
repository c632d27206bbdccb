package org.unionanalytics.api.http;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.unionanalytics.api.access.Caller;
import org.unionanalytics.api.access.Tokens;
import org.unionanalytics.api.metrics.ServerMetrics;
import org.unionanalytics.readmodel.ReadSide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * GraphQL over HTTP as the spec describes it: POST with a JSON body, GET for queries only,
 * {@code application/graphql-response+json} with 4xx for requests that fail before execution; a query
 * may be named by its hash instead of sent ({@link PersistedQueries}).
 * Execution runs on worker threads; the event loop only reads the request and writes the answer.
 */
public final class GraphQLHttpHandler implements Handler<RoutingContext> {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    /** The header that carries a receipt's position for read-your-writes, beside the request extension. */
    public static final String AWAIT_POSITION_HEADER = "Await-Position";
    /** Marks, for the request metrics, a request answered with errors. */
    private static final String ANSWERED_WITH_ERRORS = "ua.answeredWithErrors";
    /** A query text larger than this is refused before parsing. */
    public static final int MAX_QUERY_LENGTH = 100_000;

    private final GraphQL graphQL;
    private final Executor workers;
    private final ReadSide readSide;
    private final Duration maxAwait;
    private final Duration timeout;
    private final Tokens tokens;
    private final ServerMetrics metrics;
    private final PersistedQueries persisted = new PersistedQueries();

    public GraphQLHttpHandler(GraphQL graphQL, Executor workers, ReadSide readSide, Duration maxAwait, Duration timeout,
                              Tokens tokens, ServerMetrics metrics) {
        this.graphQL = graphQL;
        this.tokens = tokens;
        this.metrics = metrics;
        this.workers = workers;
        this.readSide = readSide;
        this.maxAwait = maxAwait;
        this.timeout = timeout;
    }

    @Override
    public void handle(RoutingContext context) {
        long arrived = System.nanoTime();
        context.response().endHandler(ended -> metrics.request(context.response().getStatusCode(),
                context.get(ANSWERED_WITH_ERRORS) != null, Duration.ofNanos(System.nanoTime() - arrived)));
        boolean modern = String.valueOf(context.request().getHeader("Accept")).contains(GRAPHQL_RESPONSE);
        GraphQLRequest request;
        try {
            request = persisted.resolve(GraphQLRequest.from(context));
            check(request, context.request().method().name().equals("GET"));
        } catch (GraphQLRequest.BadRequest e) {
            if (e.status == 405) {
                context.response().putHeader("Allow", "POST");
            }
            respond(context, e.status, modern, error(e.getMessage(), e.code));
            return;
        }
        tokens.caller(context.request().getHeader("Authorization"))
                .onSuccess(caller -> execute(context, request, caller, modern))
                .onFailure(refused -> {
                    context.response().putHeader("WWW-Authenticate", "Bearer");
                    respond(context, 401, modern, error(refused.getMessage(), "UNAUTHENTICATED"));
                });
    }

    private void execute(RoutingContext context, GraphQLRequest request, Caller caller, boolean modern) {
        io.vertx.core.Context eventLoop = context.vertx().getOrCreateContext();
        awaitPosition(context, request)
                .thenComposeAsync(reached -> graphQL.executeAsync(ExecutionInput.newExecutionInput()
                        .query(request.query()).operationName(request.operationName())
                        .variables(request.variables()).extensions(request.extensions())
                        .graphQLContext(Map.of(Caller.CONTEXT_KEY, caller)).build()), workers)
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((result, failure) -> eventLoop.runOnContext(done -> {
                    if (failure != null) {
                        boolean late = failure instanceof TimeoutException || failure.getCause() instanceof TimeoutException;
                        respond(context, late ? 503 : 500, modern, late
                                ? error("the request took longer than " + timeout.toSeconds() + " s and was abandoned", "TIMEOUT")
                                : error("the server failed to execute the request; the failure is in its log", "INTERNAL"));
                        return;
                    }
                    if (!result.getErrors().isEmpty()) {
                        context.put(ANSWERED_WITH_ERRORS, true);
                    }
                    int status = !result.isDataPresent() && modern ? 400 : 200;
                    respond(context, status, modern, withCodes(result));
                }));
    }

    /** Refuses, before any execution, what the spec refuses: no query, an oversized one, a mutation over GET. */
    private static void check(GraphQLRequest request, boolean get) {
        if (request.query() == null || request.query().isBlank()) {
            throw new GraphQLRequest.BadRequest(400, "the request has no query");
        }
        if (request.query().length() > MAX_QUERY_LENGTH) {
            throw new GraphQLRequest.BadRequest(413, "the query is " + request.query().length()
                    + " characters long; at most " + MAX_QUERY_LENGTH + " are accepted");
        }
        if (get && isMutation(request)) {
            throw new GraphQLRequest.BadRequest(405, "mutations are sent with POST, never with GET");
        }
    }

    private static boolean isMutation(GraphQLRequest request) {
        Document document;
        try {
            document = Parser.parse(request.query());
        } catch (InvalidSyntaxException e) {
            return false;
        }
        return document.getDefinitionsOfType(OperationDefinition.class).stream()
                .filter(op -> request.operationName() == null || request.operationName().equals(op.getName()))
                .anyMatch(op -> op.getOperation() == OperationDefinition.Operation.MUTATION);
    }

    /** Read-your-writes: waits, bounded, until the read model reflects the position the client holds. */
    private CompletableFuture<Long> awaitPosition(RoutingContext context, GraphQLRequest request) {
        Object wanted = request.extensions().get("awaitPosition");
        if (wanted == null) {
            wanted = context.request().getHeader(AWAIT_POSITION_HEADER);
        }
        if (wanted == null) {
            return CompletableFuture.completedFuture(readSide.position());
        }
        try {
            return readSide.awaitPosition(Long.parseLong(wanted.toString().trim()), maxAwait);
        } catch (NumberFormatException e) {
            return CompletableFuture.completedFuture(readSide.position());
        }
    }

    /** Errors raised before execution carry no code from the resolvers; give them one. */
    private static Map<String, Object> withCodes(ExecutionResult result) {
        Map<String, Object> body = new LinkedHashMap<>(result.toSpecification());
        if (result.getErrors().isEmpty()) {
            return body;
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        for (GraphQLError error : result.getErrors()) {
            Map<String, Object> spec = new LinkedHashMap<>(error.toSpecification());
            Map<String, Object> extensions = new LinkedHashMap<>();
            if (error.getExtensions() != null) {
                extensions.putAll(error.getExtensions());
            }
            extensions.putIfAbsent("code", codeOf(error.getErrorType()));
            extensions.remove("classification");
            spec.put("extensions", extensions);
            errors.add(spec);
        }
        body.put("errors", errors);
        return body;
    }

    private static String codeOf(ErrorClassification type) {
        if (type == ErrorType.InvalidSyntax) {
            return "GRAPHQL_PARSE_FAILED";
        }
        if (type == ErrorType.ExecutionAborted) {
            return "LIMIT_EXCEEDED";
        }
        return type == ErrorType.DataFetchingException ? "INTERNAL" : "INVALID_INPUT";
    }

    static Map<String, Object> error(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    static void respond(RoutingContext context, int status, boolean modern, Map<String, Object> body) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status)
                .putHeader("Content-Type", (modern ? GRAPHQL_RESPONSE : "application/json") + "; charset=utf-8")
                .end(new JsonObject(body).encode());
    }
}
