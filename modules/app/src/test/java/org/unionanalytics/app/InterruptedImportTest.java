package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class InterruptedImportTest {

    private static final Pattern PHASE = Pattern.compile("^import phase (\\d+) ");

    @TempDir
    Path dataDirectory;

    private Process importProcess() throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "import",
                "--data-dir", dataDirectory.toString(), "--scale", Double.toString(ReferenceHistoryTest.SCALE))
                .redirectErrorStream(true).start();
    }

    /**
     * A progress line from the rosters (phase 8) or a later phase. Progress is printed once a second, so on a fast
     * machine the short rosters of this scale may pass between two lines; the phases after them take longer.
     */
    private static boolean fromTheRostersOn(String line) {
        Matcher phase = PHASE.matcher(line);
        return phase.find() && Integer.parseInt(phase.group(1)) >= 8;
    }

    @Test
    void an_import_killed_midway_and_run_again_gives_the_same_figures() throws Exception {
        Process first = importProcess();
        List<String> seen = new ArrayList<>();
        try (var lines = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !fromTheRostersOn(line)) {
                seen.add(line);
            }
            assertThat(line).as("the import reached the rosters before it ended; it printed %s", seen).isNotNull();
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();

        Process second = importProcess();
        String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).containsPattern("[1-9][0-9,]* already there");

        try (TestServer server = TestServer.start(dataDirectory)) {
            JsonNode report = server.client.post("{ report { grassroots { unions members workers } economy { proposals } } }",
                    Long.toString(server.node().storage.lastPosition())).data().path("report");
            assertThat(report.at("/grassroots/unions").asLong()).isEqualTo(138);
            assertThat(report.at("/grassroots/members").asLong()).isEqualTo(18_600);
            assertThat(report.at("/grassroots/workers").asLong()).isEqualTo(19_000);
            assertThat(report.at("/economy/proposals").asLong()).isEqualTo(1_635);
        }
    }
}
