package org.unionanalytics.app;

import org.unionanalytics.eventstore.EventStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-events", mixinStandardHelpOptions = true,
        description = "Load an event log written by export into an empty store, keeping event ids, order, sequence "
                + "numbers, times and metadata (so command ids are recognised again). The read model follows at the "
                + "next start of a server on that store.")
final class ImportEventsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Option(names = "--file", required = true, description = "The NDJSON file written by export.")
    Path file;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("there is no file " + file + " to import");
        }
        try (EventStorage storage = storeOptions.store().open(dataDirectory)) {
            long events = new EventTransfer(System.out::println).load(file, storage);
            System.out.printf("Imported %,d events from %s into %s%n", events, file, storage.describe());
            return 0;
        }
    }
}
