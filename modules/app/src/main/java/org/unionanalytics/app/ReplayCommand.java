package org.unionanalytics.app;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;
import org.unionanalytics.readmodel.ReadSide;
import org.unionanalytics.readmodel.RebuildStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild the read model from the event log, offline (a running server rebuilds with the "
                + "rebuildReadModel mutation instead). Progress is logged every few seconds.")
final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Option(names = "--projection-batch", defaultValue = "20000",
            description = "Most events applied in one transaction. Default: ${DEFAULT-VALUE}.")
    int projectionBatch;

    @Override
    public Integer call() {
        var events = Serializers.events();
        try (var storage = RocksDbEventStorageEngine.builder().directory(dataDirectory.resolve("events"))
                .eventSerializer(events).snapshotSerializer(Serializers.snapshots()).build()) {
            EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(storage).build();
            try (var readSide = new ReadSide(dataDirectory.resolve("readmodel"), store, storage::lastPosition,
                    projectionBatch, 1)) {
                RebuildStatus status = readSide.rebuildNow();
                System.out.printf("Replayed %,d events in %.1f s (%,.0f events/s): %s%n", status.position(),
                        java.time.Duration.between(status.startedAt(), status.finishedAt()).toMillis() / 1000.0,
                        status.eventsPerSecond(), status.state() == RebuildStatus.State.SWITCHED
                                ? "the read model is rebuilt" : "failed: " + status.failure());
                return status.state() == RebuildStatus.State.SWITCHED ? 0 : 1;
            } finally {
                store.shutDown();
            }
        }
    }
}
