package org.unionanalytics.eventstore.postgres;

/** Where the PostgreSQL event store lives, as given on the command line or in the environment. */
public record PostgresConnection(String url, String user, String password) {

    public PostgresConnection {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("a PostgreSQL event store needs a JDBC URL starting with jdbc:postgresql:, got "
                    + url);
        }
    }

    @Override
    public String toString() {
        return url + " as " + user;
    }
}
