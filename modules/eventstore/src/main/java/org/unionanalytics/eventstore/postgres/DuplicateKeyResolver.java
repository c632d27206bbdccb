package org.unionanalytics.eventstore.postgres;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * Recognises a unique-key violation however the driver wraps it. Axon's default resolver misses
 * the ones from batched inserts, which PostgreSQL reports as a {@link BatchUpdateException} whose
 * next exception carries SQLState 23505; without this, a concurrent change to an aggregate would
 * surface as a generic storage error instead of Axon's {@code ConcurrencyException}.
 */
final class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return isUniqueViolation(exception);
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql; next != null; next = next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
