package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
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
    private RocksDbEventStorageEngine rocks;

    @Override
    protected EventStorageEngine open() {
        rocks = RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build();
        return rocks;
    }

    @Override
    protected EventStorage storage() {
        return rocks;
    }

    @Override
    protected EventStorageEngine reopen() {
        close();
        return open();
    }

    @Override
    protected void close() {
        rocks.close();
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_clearly() {
        assertThatThrownBy(() -> RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("in use by another process");
    }
}
