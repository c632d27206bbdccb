package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.TestPostgres;
import org.unionanalytics.eventstore.postgres.PostgresConnection;
import org.unionanalytics.scenario.HistoryImport;
import org.unionanalytics.scenario.ReferenceHistory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** export, then import-events into another store: the same log, the same answers, the same command ids. */
class MovingHistoryTest {

    private static final String QUESTIONS = """
            { report { grassroots { unions enterprisesCovered workers members establishmentRate membershipRate }
                       economy { skillContests skillContestParticipations proposals innovationAchievements } }
              analytics {
                membership(asOf: "2017-09-21") { district members }
                proposals(orderBy: {submittedOn: ASC}) { submittedOn(granularity: YEAR) industry proposals adopted } } }""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path embeddedData;
    @TempDir
    Path postgresData;
    @TempDir
    Path files;

    @Test
    void a_history_moved_from_the_embedded_store_to_postgresql_answers_exactly_as_before() throws IOException, InterruptedException {
        PostgresConnection postgres = TestPostgres.emptied();
        Store target = new Store.Postgres(postgres);
        JsonNode before;
        try (TestServer embedded = TestServer.start(embeddedData)) {
            Node node = embedded.node();
            new HistoryImport(node.commands.gateway(), node.storage, node.storage::lastPosition, 64, line -> { })
                    .run(new ReferenceHistory(7, 1.0 / 1000));
            before = embedded.client.post(QUESTIONS, Long.toString(node.storage.lastPosition())).data();
        }
        Path exported = files.resolve("events.ndjson");
        Path exportedAgain = files.resolve("events-from-postgres.ndjson");
        EventTransfer transfer = new EventTransfer(line -> { });
        long events;
        try (EventStorage storage = Store.embedded().open(embeddedData)) {
            events = transfer.export(storage, exported);
        }
        try (EventStorage storage = target.open(postgresData)) {
            assertThat(transfer.load(exported, storage)).isEqualTo(events).isGreaterThan(1_000);
            transfer.export(storage, exportedAgain);
        }
        List<String> original = Files.readAllLines(exported);
        List<String> readBack = Files.readAllLines(exportedAgain);
        assertThat(readBack).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(toMilliseconds(readBack.get(i))).as("line %d of the log read back from PostgreSQL", i + 1)
                    .isEqualTo(toMilliseconds(original.get(i)));
        }

        try (TestServer moved = TestServer.start(Settings.defaults(postgresData, 0).toBuilder().store(target).build())) {
            JsonNode after = moved.client.post(QUESTIONS, Long.toString(moved.node().storage.lastPosition())).data();
            assertThat(after).isEqualTo(before);
            String commandId = firstCommandId(exported);
            assertThat(moved.node().storage.find(commandId)).as("command %s is known in the new store", commandId)
                    .isPresent();
        }
    }

    /** Axon's JDBC engine keeps event times to the millisecond; the embedded store keeps nanoseconds. */
    private static JsonNode toMilliseconds(String line) throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(line);
        event.put("timestamp", Instant.parse(event.path("timestamp").asText()).truncatedTo(ChronoUnit.MILLIS).toString());
        return event;
    }

    private static String firstCommandId(Path exported) throws IOException {
        List<String> lines = Files.readAllLines(exported);
        return JSON.readTree(lines.get(0)).path("metaData")
                .path("commandId").asText();
    }
}
