package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class CrashTest {

    private static final int ROSTER = 20;

    @TempDir
    Path dataDirectory;

    private static String roster(int number) {
        String members = IntStream.range(0, ROSTER).mapToObj(i -> "\"member-" + number + "-" + i + "\"")
                .collect(Collectors.joining(", "));
        return "mutation { enrollMembers(input: {unionId: \"union-harbour\", joinedOn: \"2016-01-01\", commandId: \"roster-"
                + number + "\", memberIds: [" + members + "]}) { position } }";
    }

    @Test
    void every_acknowledged_mutation_survives_a_kill_and_the_read_model_counts_each_event_once() throws Exception {
        ServerProcess first = ServerProcess.start(dataDirectory);
        Walkthrough.run(first.client);
        long before = Long.parseLong(first.client.post("{ readModel { eventLogPosition } }").data()
                .at("/readModel/eventLogPosition").asText());
        JsonNode membersBefore = first.client.post("{ report { grassroots { members } } }").data();

        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int c = 0; c < 6; c++) {
            clients.submit(() -> {
                while (true) {
                    int number = next.getAndIncrement();
                    try {
                        if (!first.client.post(roster(number)).body().has("errors")) {
                            acknowledged.add(number);
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            });
        }
        while (acknowledged.size() < 60) {
            Thread.sleep(20);
        }
        first.kill();
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        ServerProcess second = ServerProcess.start(dataDirectory);
        try {
            long after = Long.parseLong(second.client.post("{ readModel { eventLogPosition } }").data()
                    .at("/readModel/eventLogPosition").asText());
            long stored = after - before;
            assertThat(stored % ROSTER).as("a roster is stored whole or not at all").isZero();
            assertThat(stored / ROSTER).isGreaterThanOrEqualTo(acknowledged.size());

            for (int number : List.copyOf(acknowledged)) {
                JsonNode again = second.client.post(roster(number).replace("{ position }", "{ repeated }")).data();
                assertThat(again.at("/enrollMembers/repeated").asBoolean()).as("roster %d", number).isTrue();
            }
            JsonNode report = second.client.post("{ report { grassroots { members } } }", Long.toString(after)).data();
            assertThat(report.at("/report/grassroots/members").asLong())
                    .isEqualTo(membersBefore.at("/report/grassroots/members").asLong() + stored);
            assertThat(second.client.post("{ readModel { position } }").data().at("/readModel/position").asLong())
                    .isEqualTo(after);
        } finally {
            second.stop();
        }
    }
}
