package org.unionanalytics.api.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerParameters;
import graphql.execution.DataFetcherExceptionHandlerResult;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.api.access.Forbidden;
import org.unionanalytics.api.live.SubscriptionLimit;
import org.unionanalytics.domain.shared.NotFound;
import org.unionanalytics.domain.shared.RuleViolation;
import org.unionanalytics.readmodel.cube.QueryTimeout;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Turns what went wrong in a resolver into an error a client can act on: a stable
 * {@code extensions.code} and a message that names the rule or the field. Unexpected failures are
 * logged in full and answered with a generic message, so no SQL or stack text reaches clients.
 */
final class ErrorCodes implements DataFetcherExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorCodes.class);

    @Override
    public CompletableFuture<DataFetcherExceptionHandlerResult> handleException(DataFetcherExceptionHandlerParameters parameters) {
        Throwable cause = unwrap(parameters.getException());
        Map<String, Object> extensions = new LinkedHashMap<>();
        String message;
        if (cause instanceof RuleViolation violation) {
            extensions.put("code", "RULE_VIOLATION");
            extensions.put("rule", violation.rule());
            message = violation.getMessage();
        } else if (cause instanceof NotFound || cause instanceof AggregateNotFoundException) {
            extensions.put("code", "NOT_FOUND");
            message = cause instanceof NotFound ? cause.getMessage() : notFoundMessage((AggregateNotFoundException) cause);
        } else if (cause instanceof AggregateStreamCreationException) {
            extensions.put("code", "CONFLICT");
            message = "that id is taken: " + cause.getMessage();
        } else if (cause instanceof ConcurrencyException) {
            extensions.put("code", "CONFLICT");
            message = "a concurrent command changed the same aggregate first; retry: " + cause.getMessage();
        } else if (cause instanceof Forbidden) {
            extensions.put("code", "FORBIDDEN");
            message = cause.getMessage();
        } else if (cause instanceof SubscriptionLimit.Exceeded) {
            extensions.put("code", "LIMIT_EXCEEDED");
            message = cause.getMessage();
        } else if (cause instanceof IllegalArgumentException) {
            extensions.put("code", "INVALID_INPUT");
            message = cause.getMessage();
        } else if (cause instanceof QueryTimeout) {
            extensions.put("code", "TIMEOUT");
            message = cause.getMessage();
        } else if (cause instanceof TimeoutException) {
            extensions.put("code", "TIMEOUT");
            message = "the request took too long and was abandoned";
        } else {
            extensions.put("code", "INTERNAL");
            message = "the server failed to answer this field; the failure is in its log";
            log.error("Resolving {} failed", parameters.getPath(), cause);
        }
        GraphQLError error = GraphqlErrorBuilder.newError(parameters.getDataFetchingEnvironment())
                .message(message).extensions(extensions).build();
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult(error).build());
    }

    private static String notFoundMessage(AggregateNotFoundException e) {
        return "no aggregate with id " + e.getAggregateIdentifier() + " has been recorded";
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
