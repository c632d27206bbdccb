package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.EventStorageEngineContract;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbEventStorageEngineTest extends EventStorageEngineContract {

    @TempDir
    Path directory;

    @Override
    protected EventStorage openEmpty() {
        return openAgain();
    }

    @Override
    protected EventStorage openAgain() {
        return RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).snapshotFilter(SNAPSHOT_FILTER).build();
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_clearly() {
        assertThatThrownBy(() -> RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("in use by another process");
    }
}
