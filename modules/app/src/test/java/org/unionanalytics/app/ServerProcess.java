package org.unionanalytics.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server in a child JVM, started through its command line, so a test can kill it outright. */
final class ServerProcess {

    private static final Pattern LISTENING = Pattern.compile("serves GraphQL at http://127\\.0\\.0\\.1:(\\d+)/graphql");

    private final Process process;
    final GraphQLClient client;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.client = new GraphQLClient(port);
    }

    static ServerProcess start(Path dataDirectory) throws IOException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--host", "127.0.0.1", "--port", "0", "--data-dir", dataDirectory.toString(), "--demo")
                .redirectErrorStream(true).start();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread output = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    Matcher listening = LISTENING.matcher(line);
                    if (listening.find()) {
                        port.complete(Integer.parseInt(listening.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the child was killed: its output ends here
            }
            port.completeExceptionally(new IllegalStateException("the server process ended before it listened"));
        }, "child-server-output");
        output.setDaemon(true);
        output.start();
        return new ServerProcess(process, port.orTimeout(60, TimeUnit.SECONDS).join());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
