package org.unionanalytics.app;

import org.unionanalytics.scenario.HistoryFile;
import org.unionanalytics.scenario.HistoryImport;
import org.unionanalytics.scenario.ReferenceHistory;
import org.unionanalytics.scenario.Step;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Feed a history through the command side, phase by phase, in parallel within a phase. "
                + "Commands already imported are skipped, so an interrupted import just runs again.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory (stop the server first). Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @ArgGroup(exclusive = true)
    Source source = new Source();

    static final class Source {
        @Option(names = "--file", description = "A history written by generate.")
        Path file;

        @Option(names = "--scale", description = "Generate the reference history at this scale while importing (default 1).")
        Double scale;
    }

    @Option(names = "--seed", defaultValue = "1", description = "Seed of a generated history. Default: ${DEFAULT-VALUE}.")
    long seed;

    /** The defaults, which the bench's import and its Axon baseline use too. */
    static final int COMMAND_THREADS = 64;
    static final int IN_FLIGHT = 256;

    @Option(names = "--in-flight", defaultValue = "" + IN_FLIGHT, description = "Most commands under way at once. Default: ${DEFAULT-VALUE}.")
    int inFlight;

    @Option(names = "--command-threads", defaultValue = "" + COMMAND_THREADS,
            description = "Threads running commands; each waits for its disk sync, which concurrent commands share. Default: ${DEFAULT-VALUE}.")
    int commandThreads;

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.defaults(dataDirectory, 0).toBuilder().store(storeOptions.store())
                .commandThreads(commandThreads).build();
        try (Node node = new Node(settings)) {
            HistoryImport feed = new HistoryImport(node.commands.gateway(), node.storage, node.storage::lastPosition,
                    inFlight, System.out::println);
            HistoryImport.Result result;
            if (source.file != null) {
                try (BufferedReader in = Files.newBufferedReader(source.file, StandardCharsets.UTF_8)) {
                    result = feed.run(HistoryFile.read(in));
                }
            } else {
                Iterator<List<Step>> history = new ReferenceHistory(seed, source.scale == null ? 1.0 : source.scale);
                result = feed.run(history);
            }
            System.out.printf("Imported %,d commands (%,d already there) and %,d events in %.1f s: %,.0f events/s%n",
                    result.commands(), result.skipped(), result.events(), result.took().toMillis() / 1000.0,
                    result.eventsPerSecond());
            System.out.println("Waiting for the read model to catch up ...");
            node.readSide.awaitPosition(node.storage.lastPosition(), Duration.ofHours(1)).join();
            var written = node.readSide.work();
            System.out.printf("Read model at event %,d: %,d events written in %,d batches, %.1f s of writing%n",
                    node.readSide.position(), written.events(), written.batches(), written.writingNanos() / 1e9);
        }
        return 0;
    }
}
