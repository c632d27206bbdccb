package org.unionanalytics.app;

import org.unionanalytics.domain.AggregateTypes;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.eventstoredb.EventStoreDbStorage;
import org.unionanalytics.eventstore.postgres.PostgresConnection;
import org.unionanalytics.eventstore.postgres.PostgresEventStorage;
import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;

import java.nio.file.Path;

/**
 * Which event store a server uses: the embedded one in its data directory (the default), a
 * PostgreSQL database, or an EventStoreDB cluster. The read model is always local.
 */
sealed interface Store {

    EventStorage open(Path dataDirectory);

    /** Whether this server is the only one writing to the store, so that what it keeps in memory stays current. */
    default boolean soleWriter() {
        return false;
    }

    static Store embedded() {
        return new Embedded();
    }

    record Embedded() implements Store {
        @Override
        public boolean soleWriter() {
            return true;
        }

        @Override
        public EventStorage open(Path dataDirectory) {
            return RocksDbEventStorageEngine.builder().directory(dataDirectory.resolve("events"))
                    .eventSerializer(Serializers.events()).snapshotSerializer(Serializers.snapshots())
                    .snapshotFilter(AggregateTypes.snapshotsInTheirCurrentShape()).build();
        }
    }

    record Postgres(PostgresConnection connection) implements Store {
        @Override
        public EventStorage open(Path dataDirectory) {
            return PostgresEventStorage.connect(connection, Serializers.events(), Serializers.snapshots(),
                    AggregateTypes.snapshotsInTheirCurrentShape());
        }
    }

    record EventStoreDb(String connectionString) implements Store {
        @Override
        public EventStorage open(Path dataDirectory) {
            return EventStoreDbStorage.connect(connectionString, Serializers.events(), Serializers.snapshots(),
                    AggregateTypes.snapshotsInTheirCurrentShape());
        }
    }
}
