package org.unionanalytics.api.graphql;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Keeps parsed and validated documents by their text: BI tools and dashboards send the same few
 * queries again and again, and parsing and validating is most of the work of a small one. Limits
 * on depth and complexity are checked at execution, so a kept document is still checked each time.
 */
final class ParsedDocuments implements PreparsedDocumentProvider {

    private static final int KEPT = 1_000;

    private final Map<String, PreparsedDocumentEntry> documents = Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
                    return size() > KEPT;
                }
            });

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
