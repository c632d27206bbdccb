package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors read the event log behind the figures, page by page or as a feed, through the real server. */
class AuditTrailTest {

    /** The README's event log samples: one union's history, memberships by page, as a feed and in batches, the bakery then and now. */
    private static final List<String> README = Walkthrough.readmeSection("history");
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dataDirectory;

    @Test
    void a_unions_history_is_its_events_in_version_order_with_their_data_and_commands() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);

            JsonNode events = server.client.post(README.get(0)).data().path("events");

            List<JsonNode> nodes = nodes(events);
            assertThat(nodes).isNotEmpty();
            assertThat(nodes.get(0).path("type").asText()).isEqualTo("UnionEstablished");
            assertThat(nodes.get(0).at("/data/unionId").asText()).isEqualTo("union-harbour");
            for (int i = 0; i < nodes.size(); i++) {
                assertThat(nodes.get(i).path("version").asInt()).isEqualTo(i);
                assertThat(nodes.get(i).path("commandId").asText()).isNotBlank();
                assertThat(nodes.get(i).path("recordedAt").asText()).isNotBlank();
            }
            assertThat(nodes).extracting(node -> node.path("position").asLong()).isSorted();
            assertThat(events.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
        }
    }

    @Test
    void paging_through_the_whole_log_reads_every_stored_event_once_in_order() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            long head = server.client.post("{ readModel { eventLogPosition } }").data()
                    .at("/readModel/eventLogPosition").asLong();

            List<Long> positions = new ArrayList<>();
            String after = "0";
            boolean more = true;
            while (more) {
                JsonNode page = server.client.post("{ events(first: 7, after: \"" + after + "\") { edges { cursor node "
                        + "{ position type aggregateType aggregateId version } } pageInfo { hasNextPage endCursor } } }").data()
                        .path("events");
                nodes(page).forEach(node -> positions.add(node.path("position").asLong()));
                after = page.at("/pageInfo/endCursor").asText();
                more = page.at("/pageInfo/hasNextPage").asBoolean();
            }

            assertThat(positions).hasSize((int) head).isSorted().doesNotHaveDuplicates();
            assertThat(positions.get(positions.size() - 1)).isEqualTo(head);
        }
    }

    @Test
    void a_receipts_command_id_finds_the_events_that_command_stored() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            JsonNode receipt = server.client.post("mutation { enrollMembers(input: {unionId: \"union-harbour\", "
                    + "joinedOn: \"2017-01-02\", memberIds: [\"member-0901\", \"member-0902\"]}) { commandId eventCount position } }")
                    .data().path("enrollMembers");

            List<JsonNode> stored = nodes(server.client.post("{ events(filter: {commandId: \"" + receipt.path("commandId").asText()
                    + "\"}) { edges { node { position type aggregateId commandId } } } }").data().path("events"));

            assertThat(stored).hasSize(receipt.path("eventCount").asInt());
            assertThat(stored).extracting(node -> node.path("type").asText()).containsOnly("MemberJoined");
            assertThat(stored.get(stored.size() - 1).path("position").asText()).isEqualTo(receipt.path("position").asText());
        }
    }

    @Test
    void the_membership_feed_sends_what_is_stored_then_each_new_event_in_order() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            List<JsonNode> stored = walkthroughMemberships(server);
            live.subscribe("feed", README.get(2));
            List<JsonNode> sent = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                sent.add(live.next(SOON).at("/payload/data/events"));
            }
            assertThat(sent).isEqualTo(stored);

            server.client.post("mutation { leaveUnion(input: {memberId: \"member-0001\", leftOn: \"2017-03-01\"}) { position } }");
            JsonNode left = live.next(SOON);
            assertThat(left.at("/payload/data/events/type").asText()).isEqualTo("MemberLeft");
            assertThat(left.at("/payload/data/events/aggregateId").asText()).contains("member-0001");
            assertThat(left.at("/payload/data/events/position").asLong())
                    .isGreaterThan(sent.get(sent.size() - 1).path("position").asLong());
        }
    }

    @Test
    void the_membership_feed_in_batches_sends_the_same_events_a_batch_at_a_time() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            List<JsonNode> stored = walkthroughMemberships(server);
            live.subscribe("batches", README.get(3).replace("size: 50", "size: 3"));
            List<JsonNode> sent = new ArrayList<>();
            List<Integer> sizes = new ArrayList<>();
            while (sent.size() < stored.size()) {
                JsonNode batch = live.next(SOON).at("/payload/data/eventBatches");
                batch.forEach(sent::add);
                sizes.add(batch.size());
            }
            assertThat(sent).isEqualTo(stored);
            assertThat(sizes).allMatch(size -> size >= 1 && size <= 3).hasSizeGreaterThan(1);

            live.subscribe("too-big", "subscription { eventBatches(size: 501) { position } }");
            JsonNode refused = live.next(SOON);
            assertThat(refused.at("/payload/errors/0/message").asText()).contains("size must be between 1 and 500, not 501");
            assertThat(refused.at("/payload/errors/0/extensions/code").asText()).isEqualTo("INVALID_INPUT");
        }
    }

    @Test
    void an_aggregate_at_a_version_is_its_state_as_its_rules_saw_it_then() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);

            JsonNode bakery = server.client.post(README.get(4)).data();

            assertThat(bakery.at("/before/type").asText()).isEqualTo("Enterprise");
            assertThat(bakery.at("/before/version").asInt()).isEqualTo(1);
            assertThat(bakery.at("/before/state/enterpriseId").asText()).isEqualTo("enterprise-bakery");
            assertThat(bakery.at("/before/state/coveringUnionId").isNull()).as("no union covered it yet").isTrue();
            assertThat(bakery.at("/now/version").asInt()).isGreaterThan(1);
            assertThat(bakery.at("/now/state/coveringUnionId").asText()).isEqualTo("union-smallbiz");
            JsonNode history = server.client.post("{ events(filter: {aggregateId: \"enterprise-bakery\"}) { edges { node "
                    + "{ position version } } } }").data().path("events");
            List<JsonNode> events = nodes(history);
            assertThat(bakery.at("/now/position").asLong()).as("the position of its last event")
                    .isEqualTo(events.get(events.size() - 1).path("position").asLong());
            assertThat(server.client.post("{ aggregate(id: \"enterprise-bakery\", at: \"2000-01-01T00:00:00Z\") { version } }")
                    .data().path("aggregate").isNull()).as("nothing recorded by then").isTrue();
            assertThat(server.client.post("{ aggregate(id: \"enterprise-bakery\", version: -1) { version } }").firstError()
                    .path("message").asText()).isEqualTo("version counts from 0, so -1 names no version");
        }
    }

    @Test
    void a_page_too_large_is_refused_with_its_reason_and_the_server_carries_on() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            JsonNode refused = server.client.post("{ events(first: 501) { edges { cursor } } }").body();

            assertThat(refused.at("/errors/0/message").asText()).contains("first must be between 0 and 500");
            assertThat(refused.at("/errors/0/extensions/code").asText()).isEqualTo("INVALID_INPUT");
            assertThat(server.client.post("{ events { edges { cursor } } }").data().at("/events/edges")).isEmpty();
        }
    }

    /** The walkthrough's members joining and leaving, read as the README's page asks for them, all at once. */
    private static List<JsonNode> walkthroughMemberships(TestServer server) {
        Walkthrough.run(server.client);
        return nodes(server.client.post(README.get(1).replace("first: 10", "first: 500")).data().path("events"));
    }

    private static List<JsonNode> nodes(JsonNode connection) {
        List<JsonNode> nodes = new ArrayList<>();
        connection.path("edges").forEach(edge -> nodes.add(edge.path("node")));
        return nodes;
    }
}
