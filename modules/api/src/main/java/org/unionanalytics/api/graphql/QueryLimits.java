package org.unionanalytics.api.graphql;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import org.unionanalytics.readmodel.LastUsed;

import java.util.Map;

/**
 * Refuses, before anything runs, an operation nested deeper than {@code maxDepth} fields or
 * selecting more than {@code maxFields} fields ({@code __typename} is free). One walk over the
 * operation, and nothing per field while it executes: graphql-java's two limit instrumentations
 * walk it twice and, chained, put a dispatch on every field of every row of an answer. What a
 * walk finds is kept for the document, operation and variables that gave it (variables decide
 * {@code @skip} and {@code @include}): walking was 8% of a query thread's work for a kept cube answer.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private static final int KEPT = 1_000;

    private final int maxDepth;
    private final int maxFields;
    private final LastUsed<Walked, Figures> walked = new LastUsed<>(KEPT);

    /** An operation as executed: its document (kept by text, so the same object each time), name and variables. */
    private record Walked(Document document, String operation, Map<String, Object> variables) {
    }

    private record Figures(int deepest, int fields) {
    }

    QueryLimits(int maxDepth, int maxFields) {
        this.maxDepth = maxDepth;
        this.maxFields = maxFields;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Walked operation = new Walked(execution.getDocument(), execution.getExecutionInput().getOperationName(),
                execution.getCoercedVariables().toMap());
        Figures figures = walked.get(operation);
        if (figures == null) {
            figures = walk(execution);
            walked.put(operation, figures);
        }
        if (figures.deepest() > maxDepth) {
            throw new AbortExecutionException("the query nests fields " + figures.deepest() + " deep; at most " + maxDepth
                    + " are allowed");
        }
        if (figures.fields() > maxFields) {
            throw new AbortExecutionException("the query selects " + figures.fields() + " fields; at most " + maxFields
                    + " are allowed");
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static Figures walk(ExecutionContext execution) {
        Walk walk = new Walk();
        QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema()).document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables()).build()
                .visitPreOrder(walk);
        return new Figures(walk.deepest, walk.fields);
    }

    private static final class Walk extends QueryVisitorStub {
        int deepest;
        int fields;

        @Override
        public void visitField(QueryVisitorFieldEnvironment field) {
            if (!field.isTypeNameIntrospectionField()) {
                fields++;
            }
            int depth = 1;
            for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                depth++;
            }
            deepest = Math.max(deepest, depth);
        }
    }
}
