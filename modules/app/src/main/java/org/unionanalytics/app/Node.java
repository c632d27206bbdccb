package org.unionanalytics.app;

import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.readmodel.ReadSide;

import java.nio.file.Path;

/** A server's stores and command side, without HTTP: what serve, import and bench share. */
final class Node implements AutoCloseable {

    final EventStorage storage;
    final CommandSide commands;
    final ReadSide readSide;

    /** A node whose read model follows the event log. */
    Node(Settings settings) {
        this(settings, true);
    }

    /** A node opened to rebuild its read model offline (see {@link ReadSide#forRebuild}). */
    static Node forRebuild(Settings settings) {
        return new Node(settings, false);
    }

    private Node(Settings settings, boolean follow) {
        storage = settings.store().open(settings.dataDirectory());
        commands = new CommandSide(storage.engine(), storage::amongStored, Serializers.events(), settings.commandThreads(),
                settings.store().soleWriter());
        Path readModel = settings.dataDirectory().resolve("readmodel");
        readSide = follow
                ? new ReadSide(readModel, commands.eventStore(), storage::lastPosition, settings.projectionBatch(), settings.queryThreads())
                : ReadSide.forRebuild(readModel, commands.eventStore(), storage::lastPosition, settings.projectionBatch(),
                        settings.queryThreads());
    }

    /** Lets the commands under way finish, then closes the read model and the event store. */
    @Override
    public void close() {
        commands.close();
        readSide.close();
        storage.close();
    }
}
