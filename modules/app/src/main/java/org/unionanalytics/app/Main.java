package org.unionanalytics.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The command line: {@code union-analytics serve ...}. */
@Command(name = "union-analytics", mixinStandardHelpOptions = true, version = "union-analytics 0.1.0",
        description = "Event-sourced GraphQL analytics server for a city federation of trade unions.",
        subcommands = {ServeCommand.class, GenerateCommand.class, ImportCommand.class, ReplayCommand.class,
                BenchCommand.class, ExportCommand.class, ImportEventsCommand.class, VerifyCommand.class,
                TokenCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, commandLine, parseResult) -> {
                    // the first exception that says what went wrong, not the wrappers around it
                    Throwable cause = error;
                    while ((cause instanceof CompletionException
                            || cause instanceof ExecutionException
                            || cause.getMessage() == null) && cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    commandLine.getErr().println("union-analytics: " + cause.getMessage());
                    org.slf4j.LoggerFactory.getLogger(Main.class).debug("Startup failed", error);
                    return 1;
                })
                .execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
