package org.unionanalytics.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.unionanalytics.readmodel.LastUsed;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents by their text: BI tools and dashboards send the same few
 * queries again and again, and parsing and validating is most of the work of a small one. Limits
 * on depth and complexity are checked at execution (see {@link QueryLimits}).
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    private static final int KEPT = 1_000;

    private final LastUsed<String, PreparsedDocumentEntry> documents = new LastUsed<>(KEPT);

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
                                                                      Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry kept = documents.get(input.getQuery());
        if (kept == null) {
            kept = parseAndValidate.apply(input);
            if (!kept.hasErrors()) {
                documents.put(input.getQuery(), kept);
            }
        }
        return CompletableFuture.completedFuture(kept);
    }
}
