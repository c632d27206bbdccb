package org.unionanalytics.app;

import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.readmodel.ReadSide;

/** A server's stores and command side, without HTTP: what serve, import and bench share. */
final class Node implements AutoCloseable {

    final EventStorage storage;
    final CommandSide commands;
    final ReadSide readSide;

    Node(Settings settings) {
        storage = settings.store().open(settings.dataDirectory());
        commands = new CommandSide(storage.engine(), storage::amongStored, Serializers.events(), settings.commandThreads(),
                settings.store().soleWriter());
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
