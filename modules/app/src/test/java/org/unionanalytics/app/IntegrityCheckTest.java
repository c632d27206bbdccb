package org.unionanalytics.app;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.api.history.IntegrityCheck;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.EventStorage;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The integrity check passes the log the server writes and names, in words, each broken guarantee. */
class IntegrityCheckTest {

    @TempDir
    Path dataDirectory;

    @Test
    void the_log_the_walkthrough_leaves_passes_with_every_event_aggregate_and_command_counted() {
        long head;
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            head = server.node().storage.lastPosition();
        }
        List<Long> progress = new ArrayList<>();
        try (EventStorage storage = Store.embedded().open(dataDirectory)) {
            var result = new IntegrityCheck(storage, true).run(progress::add);

            assertThat(result.problems()).isEmpty();
            assertThat(result.clean()).isTrue();
            assertThat(result.events()).isEqualTo(head);
            assertThat(result.aggregates()).isPositive().isLessThan((int) head);
            assertThat(result.commands()).isPositive().isLessThan(head);
            assertThat(progress).hasSize((int) head).last().isEqualTo(head);
        }
    }

    @Test
    void skipped_versions_a_changed_type_a_missing_command_id_and_a_misrecorded_command_are_each_named() {
        try (EventStorage storage = Store.embedded().open(dataDirectory)) {
            append(storage, event("Union", "union-a", 0, "c1"));
            append(storage, event("Union", "union-a", 2, "c2"));
            append(storage, event("Enterprise", "union-a", 3, "c3"));
            append(storage, event("Union", "union-b", 0, null));
            // one append records its last event's command only: c4's event is stored unrecorded, and
            // the record of c5 claims both events
            append(storage, event("Union", "union-c", 0, "c4"), event("Union", "union-d", 0, "c5"));

            var result = new IntegrityCheck(storage, true).run(checked -> { });

            assertThat(result.problems()).extracting(Object::toString).containsExactly(
                    "at 2: union-a at version 2 where version 1 comes next",
                    "at 3: union-a appears as a Enterprise after appearing as another type",
                    "at 4: event " + eventIdAt(storage, 4) + " carries no command id",
                    "at 5: command c4 stored events the command log does not know of: a repeat of it would store them again",
                    "at 6: command c5 stored 1 event at 6..6 but the command log records 2 events at 5..6");
        }
    }

    @Test
    void an_auditor_checks_the_log_of_a_running_server_and_follows_the_check_to_its_end() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            String head = server.client.post("{ readModel { eventLogPosition } }").data().at("/readModel/eventLogPosition").asText();

            var started = server.client.post("mutation { checkEventLog { state target } }").data().path("checkEventLog");
            assertThat(started.path("target").asText()).isEqualTo(head);
            await().atMost(Duration.ofSeconds(30)).until(() -> !server.client.post("{ eventLogCheck { state } }").data()
                    .at("/eventLogCheck/state").asText().equals("RUNNING"));
            var done = server.client.post("{ eventLogCheck { state eventsChecked aggregates commands problemCount "
                    + "problems { position description } finishedAt } }").data().path("eventLogCheck");

            assertThat(done.path("state").asText()).isEqualTo("CLEAN");
            assertThat(done.path("eventsChecked").asText()).isEqualTo(head);
            assertThat(done.path("aggregates").asInt()).isPositive();
            assertThat(done.path("problemCount").asInt()).isZero();
            assertThat(done.path("problems")).isEmpty();
            assertThat(done.path("finishedAt").asText()).isNotBlank();
        }
    }

    @Test
    void verify_says_what_it_found_and_exits_with_1_on_a_broken_log() {
        try (EventStorage storage = Store.embedded().open(dataDirectory)) {
            append(storage, event("Union", "union-a", 0, "c1"));
            append(storage, event("Union", "union-a", 5, "c2"));
        }
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new Main()).setOut(new PrintWriter(out))
                .execute("verify", "--store", "embedded", "--data-dir", dataDirectory.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("1 problem").contains("  at 2: union-a at version 5 where version 1 comes next");
    }

    private static void append(EventStorage storage, DomainEventMessage<?>... events) {
        storage.engine().appendEvents(List.of(events));
    }

    private static DomainEventMessage<?> event(String type, String unionId, long version, String commandId) {
        var payload = new UnionEstablished(unionId, "A union", UnionKind.ENTERPRISE, null, District.HAISHU, "HAISHU-01",
                null, LocalDate.of(2013, 4, 1));
        return new GenericDomainEventMessage<>(type, unionId, version, payload,
                commandId == null ? Map.of() : Map.of(CommandLog.COMMAND_ID, commandId));
    }

    private static String eventIdAt(EventStorage storage, long position) {
        try (var log = storage.engine().readEvents(storage.tokenAfter(position - 1), false)) {
            return log.findFirst().orElseThrow().getIdentifier();
        }
    }
}
