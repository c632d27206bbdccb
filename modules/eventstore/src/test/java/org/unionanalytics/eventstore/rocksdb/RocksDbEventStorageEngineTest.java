package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.DuplicateCommandException;
import org.unionanalytics.eventstore.EventStorageEngineContract;

import java.nio.file.Path;
import java.util.Map;

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
    protected EventStorageEngine reopen() {
        close();
        return open();
    }

    @Override
    protected void close() {
        rocks.close();
    }

    private static GenericDomainEventMessage<Noted> byCommand(String aggregate, long sequence, String commandId) {
        return (GenericDomainEventMessage<Noted>) event(aggregate, sequence, "x")
                .andMetaData(Map.of(CommandLog.COMMAND_ID, commandId));
    }

    @Test
    void a_command_id_remembers_the_positions_of_its_events() {
        engine.appendEvents(event("note-z", 0, "unrelated"));
        engine.appendEvents(byCommand("note-a", 0, "cmd-1"), byCommand("note-b", 0, "cmd-1"));
        assertThat(rocks.find("cmd-1")).contains(new CommandLog.CommandRecord(2, 3, 2));
        assertThat(rocks.find("cmd-2")).isEmpty();
    }

    @Test
    void a_repeated_command_id_stores_nothing() {
        engine.appendEvents(byCommand("note-a", 0, "cmd-1"));
        assertThatThrownBy(() -> engine.appendEvents(byCommand("note-b", 0, "cmd-1")))
                .isInstanceOf(DuplicateCommandException.class);
        assertThat(engine.lastSequenceNumberFor("note-b")).isEmpty();
        assertThat(rocks.lastPosition()).isEqualTo(1);
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_clearly() {
        assertThatThrownBy(() -> RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("in use by another process");
    }
}
