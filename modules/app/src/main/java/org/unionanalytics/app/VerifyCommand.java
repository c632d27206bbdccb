package org.unionanalytics.app;

import org.unionanalytics.api.history.IntegrityCheck;
import org.unionanalytics.eventstore.EventStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the whole event log: positions in order, every aggregate's versions without gaps, "
                + "every event readable and recorded in the command log. Progress is logged every second; the "
                + "exit code is 1 when a problem is found. The embedded store must not be in use by a server.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--data-dir", defaultValue = "data", description = "The server's data directory. Default: ${DEFAULT-VALUE}.")
    Path dataDirectory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Store store = storeOptions.store();
        try (EventStorage storage = store.open(dataDirectory)) {
            Progress progress = new Progress("checked", line -> {
                out.println(line);
                out.flush();
            });
            var result = new IntegrityCheck(storage, store.soleWriter()).run(checked -> progress.add(1));
            progress.done();
            out.printf("Checked %,d events of %,d aggregates and %,d commands in %s in %.1f s: %s%n",
                    result.events(), result.aggregates(), result.commands(), storage.describe(), progress.seconds(),
                    result.clean() ? "no problems" : result.problemCount() == 1 ? "1 problem"
                            : String.format("%,d problems", result.problemCount()));
            result.problems().forEach(problem -> out.println("  " + problem));
            if (result.problemCount() > result.problems().size()) {
                out.printf("  ... and %,d more%n", result.problemCount() - result.problems().size());
            }
            out.flush();
            return result.clean() ? 0 : 1;
        }
    }
}
