package org.unionanalytics.eventstore;

import org.unionanalytics.eventstore.postgres.PostgresConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL server the tests use: {@code UA_TEST_POSTGRES_URL}, {@code _USER} and
 * {@code _PASSWORD}, by default the local server that {@code .ci/run} starts. When it is not
 * reachable the PostgreSQL tests are skipped, saying so, unless {@code UA_POSTGRES_REQUIRED} is
 * set (as {@code .ci/run} does), in which case they fail.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    public static PostgresConnection connection() {
        return new PostgresConnection(
                env("UA_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:5432/union_analytics_test"),
                env("UA_TEST_POSTGRES_USER", "union_analytics"), env("UA_TEST_POSTGRES_PASSWORD", "union_analytics"));
    }

    /** Skips (or fails, where PostgreSQL is required) unless the server answers; then empties the event tables. */
    public static PostgresConnection emptied() {
        PostgresConnection connection = connection();
        try (Connection c = DriverManager.getConnection(connection.url(), connection.user(), connection.password());
             Statement statement = c.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS domain_event_entry, snapshot_event_entry, command_log");
        } catch (SQLException e) {
            String problem = "PostgreSQL is not reachable at " + connection + " (" + e.getMessage()
                    + "); .ci/run starts the local server and creates the role and database";
            if (System.getenv("UA_POSTGRES_REQUIRED") != null) {
                throw new IllegalStateException(problem, e);
            }
            assumeTrue(false, problem);
        }
        return connection;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
