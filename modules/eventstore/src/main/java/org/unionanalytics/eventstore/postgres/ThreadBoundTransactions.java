package org.unionanalytics.eventstore.postgres;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStoreException;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * JDBC transactions for Axon without Spring: a transaction binds one pooled connection to the
 * thread, and every connection asked for on that thread until it ends is that one. So the events
 * of a command, its command-log row, or a snapshot and the removal of older ones commit together.
 * A transaction started inside another joins it.
 */
final class ThreadBoundTransactions implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<Boolean> reading = ThreadLocal.withInitial(() -> false);

    ThreadBoundTransactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs a single read on a pooled connection in autocommit mode. Axon wraps each read in a
     * transaction; for one SELECT that only adds a round trip (the COMMIT) to every aggregate load.
     */
    <T> T read(Supplier<T> query) {
        if (bound.get() != null || reading.get()) {
            return query.get();
        }
        reading.set(true);
        try {
            return query.get();
        } finally {
            reading.set(false);
        }
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null || reading.get()) {
            return JOINED;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            bound.set(connection);
            return new Bound(connection);
        } catch (SQLException e) {
            throw new EventStoreException("cannot start a transaction on PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Inside a transaction, its connection (closing it does nothing); outside, a pooled one. */
    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        return connection == null ? dataSource.getConnection() : unclosable(connection);
    }

    private static Connection unclosable(Connection connection) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private final class Bound implements Transaction {

        private final Connection connection;
        private boolean ended;

        Bound(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void commit() {
            end(true);
        }

        @Override
        public void rollback() {
            end(false);
        }

        private void end(boolean commit) {
            if (ended) {
                return;
            }
            ended = true;
            bound.remove();
            try (connection) {
                if (commit) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
            } catch (SQLException e) {
                throw new EventStoreException("PostgreSQL could not " + (commit ? "commit" : "roll back")
                        + " a transaction: " + e.getMessage(), e);
            }
        }
    }
}
