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

/**
 * Refuses, before anything runs, an operation nested deeper than {@code maxDepth} fields or
 * selecting more than {@code maxFields} fields ({@code __typename} is free). One walk over the
 * operation, and nothing per field while it executes: graphql-java's two limit instrumentations
 * walk it twice and, chained, put a dispatch on every field of every row of an answer.
 */
final class QueryLimits extends SimplePerformantInstrumentation {

    private final int maxDepth;
    private final int maxFields;

    QueryLimits(int maxDepth, int maxFields) {
        this.maxDepth = maxDepth;
        this.maxFields = maxFields;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Walk walk = new Walk();
        QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema()).document(execution.getDocument())
                .operationName(execution.getExecutionInput().getOperationName())
                .coercedVariables(execution.getCoercedVariables()).build()
                .visitPreOrder(walk);
        if (walk.deepest > maxDepth) {
            throw new AbortExecutionException("the query nests fields " + walk.deepest + " deep; at most " + maxDepth
                    + " are allowed");
        }
        if (walk.fields > maxFields) {
            throw new AbortExecutionException("the query selects " + walk.fields + " fields; at most " + maxFields
                    + " are allowed");
        }
        return SimpleInstrumentationContext.noOp();
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
