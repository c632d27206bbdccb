package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RestartTest {

    @TempDir
    Path dataDirectory;

    private static final String REPORT = Walkthrough.operations().get(Walkthrough.operations().size() - 1);

    @Test
    void a_restarted_server_on_the_same_data_gives_the_same_answers_and_keeps_taking_commands() {
        JsonNode before;
        try (TestServer server = TestServer.start(dataDirectory)) {
            before = Walkthrough.run(server.client);
        }
        try (TestServer server = TestServer.start(dataDirectory)) {
            assertThat(server.client.post(REPORT).data()).isEqualTo(before);
            WalkthroughTest.assertWalkthroughReport(server.client.post(REPORT).data());

            JsonNode receipt = server.client.post("""
                    mutation { enrollMembers(input: {unionId: "union-harbour", joinedOn: "2017-01-01",
                      memberIds: ["member-0006"]}) { position } }""").data().path("enrollMembers");
            JsonNode after = server.client.post(REPORT, receipt.path("position").asText()).data();
            assertThat(after.at("/report/grassroots/members").asInt()).isEqualTo(7);
        }
    }
}
