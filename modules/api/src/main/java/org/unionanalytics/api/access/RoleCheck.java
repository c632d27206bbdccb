package org.unionanalytics.api.access;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;

import java.util.Set;

/**
 * Each top-level field asks its role of the caller: every mutation the recorder's (the rebuild the
 * admin's), the event log, its feed, aggregates' past states and integrity checks the auditor's,
 * every other query and subscription the analyst's, {@code readModel} and introspection any
 * caller's. The fields below a permitted one are not asked again.
 */
public final class RoleCheck extends SimplePerformantInstrumentation {

    private static final Set<String> AUDITORS = Set.of("events", "eventBatches", "aggregate", "eventLogCheck");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        DataFetchingEnvironment env = parameters.getEnvironment();
        if (!(env.getParentType() instanceof GraphQLObjectType parent)) {
            return dataFetcher;
        }
        String field = env.getField().getName();
        Role needed = needed(parent.getName(), field);
        if (needed == null) {
            return dataFetcher;
        }
        Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
        if (caller != null && caller.may(needed)) {
            return dataFetcher;
        }
        Caller refused = caller != null ? caller : new Caller("an unidentified caller", Set.of());
        return forbidden -> {
            throw new Forbidden(field, needed, refused);
        };
    }

    static Role needed(String type, String field) {
        if (field.startsWith("__")) {
            return null;
        }
        return switch (type) {
            case "Mutation" -> field.equals("rebuildReadModel") ? Role.ADMIN
                    : field.equals("checkEventLog") ? Role.AUDITOR : Role.RECORDER;
            case "Query", "Subscription" -> AUDITORS.contains(field) ? Role.AUDITOR
                    : field.equals("readModel") ? null : Role.ANALYST;
            default -> null;
        };
    }
}
