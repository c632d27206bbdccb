package org.unionanalytics.app;

import org.unionanalytics.eventstore.EventStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write the whole event log, in order and with all metadata, as NDJSON (one event per line). "
                + "The embedded store must not be in use by a server.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Option(names = "--out", required = true, description = "The NDJSON file to write.")
    Path file;

    @Override
    public Integer call() throws Exception {
        try (EventStorage storage = storeOptions.store().open(dataDirectory)) {
            long events = new EventTransfer(System.out::println).export(storage, file);
            System.out.printf("Exported %,d events from %s to %s%n", events, storage.describe(), file);
            return 0;
        }
    }
}
