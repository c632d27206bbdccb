package org.unionanalytics.app;

import org.unionanalytics.eventstore.postgres.PostgresConnection;
import picocli.CommandLine.Option;

/** The command-line options (and environment variables) that choose the event store. */
final class StoreOptions {

    enum Kind { embedded, postgres, eventstoredb }

    @Option(names = "--store", defaultValue = "${env:UA_STORE:-embedded}",
            description = "Event store: ${COMPLETION-CANDIDATES} (env UA_STORE). Default: ${DEFAULT-VALUE}.")
    Kind kind;

    PostgresConnection postgres() {
        return new PostgresConnection(postgresUrl, postgresUser, postgresPassword);
    }

    @Option(names = "--postgres-url", defaultValue = "${env:UA_POSTGRES_URL:-jdbc:postgresql://localhost:5432/union_analytics}",
            description = "JDBC URL of the PostgreSQL event store (env UA_POSTGRES_URL). Default: ${DEFAULT-VALUE}.")
    String postgresUrl;

    @Option(names = "--postgres-user", defaultValue = "${env:UA_POSTGRES_USER:-union_analytics}",
            description = "PostgreSQL user (env UA_POSTGRES_USER). Default: ${DEFAULT-VALUE}.")
    String postgresUser;

    @Option(names = "--postgres-password", defaultValue = "${env:UA_POSTGRES_PASSWORD:-union_analytics}",
            description = "PostgreSQL password (env UA_POSTGRES_PASSWORD; prefer the variable, a command line is visible to others).")
    String postgresPassword;

    @Option(names = "--eventstoredb", defaultValue = "${env:UA_EVENTSTOREDB:-kurrentdb://localhost:2113?tls=false}",
            description = "Connection string of the EventStoreDB/KurrentDB node or cluster (env UA_EVENTSTOREDB), e.g. "
                    + "kurrentdb+discover://node1:2113,node2:2113,node3:2113?tls=false for a cluster found by gossip. "
                    + "Default: ${DEFAULT-VALUE}.")
    String eventStoreDb;

    Store store() {
        return store(kind);
    }

    Store store(Kind chosen) {
        return switch (chosen) {
            case embedded -> Store.embedded();
            case postgres -> new Store.Postgres(postgres());
            case eventstoredb -> new Store.EventStoreDb(eventStoreDb);
        };
    }
}
