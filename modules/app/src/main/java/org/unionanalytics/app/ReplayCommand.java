package org.unionanalytics.app;

import org.unionanalytics.readmodel.RebuildStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Rebuild the read model from the event log, offline (a running server rebuilds with the "
                + "rebuildReadModel mutation instead). Progress is logged every few seconds.")
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory (stop the server first). Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Override
    public Integer call() {
        try (Node node = Node.forRebuild(Settings.defaults(dataDirectory, 0).toBuilder().store(storeOptions.store()).build())) {
            RebuildStatus status = node.readSide.rebuildNow();
            System.out.printf("Replayed %,d events in %.1f s (%,.0f events/s): %s%n", status.position(),
                    Duration.between(status.startedAt(), status.finishedAt()).toMillis() / 1000.0,
                    status.eventsPerSecond(), status.state() == RebuildStatus.State.SWITCHED
                            ? "the read model is rebuilt" : "failed: " + status.failure());
            return status.state() == RebuildStatus.State.SWITCHED ? 0 : 1;
        }
    }
}
