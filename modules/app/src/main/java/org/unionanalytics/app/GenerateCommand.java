package org.unionanalytics.app;

import org.unionanalytics.scenario.HistoryFile;
import org.unionanalytics.scenario.ReferenceHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write the reference history (the Ningbo federation's five years) as NDJSON commands.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; a seed and a scale give one history. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--scale", defaultValue = "1.0",
            description = "Scale factor: 1 reproduces DOMAIN.md's figures, 0.005 is 1/200. Default: ${DEFAULT-VALUE}.")
    double scale;

    @Option(names = "--out", required = true, description = "File to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            long commands = HistoryFile.write(new ReferenceHistory(seed, scale), writer);
            System.out.printf("Wrote %,d commands to %s%n", commands, out);
        }
        return 0;
    }
}
