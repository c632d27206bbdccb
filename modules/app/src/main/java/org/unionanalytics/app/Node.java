package org.unionanalytics.app;

import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;
import org.unionanalytics.readmodel.ReadSide;

/** A server's stores and command side, without HTTP: what serve, import and bench share. */
final class Node implements AutoCloseable {

    final RocksDbEventStorageEngine storage;
    final CommandSide commands;
    final ReadSide readSide;

    Node(Settings settings) {
        var events = Serializers.events();
        storage = RocksDbEventStorageEngine.builder().directory(settings.dataDirectory().resolve("events"))
                .eventSerializer(events).snapshotSerializer(Serializers.snapshots()).build();
        commands = new CommandSide(storage, events, settings.commandThreads());
        readSide = new ReadSide(settings.dataDirectory().resolve("readmodel"), commands.eventStore(), storage::lastPosition,
                settings.projectionBatch(), settings.queryThreads());
    }

    /** Lets the commands under way finish, then closes the read model and the event store. */
    @Override
    public void close() {
        commands.close();
        readSide.close();
        storage.close();
    }
}
