package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.competition.Competition;
import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules and mechanics of the command side that only show with the real wiring. */
class CommandSideTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_union_founded_with_an_enterprise_that_is_already_covered_is_not_founded_at_all() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            GraphQLClient.Answer refused = server.client.post("""
                    mutation { establishUnion(input: {id: "union-rival", name: "Rival union", kind: JOINT,
                      district: HAISHU, township: "HAISHU-01", parentId: "union-haishu-01", foundedOn: "2016-01-01",
                      coveredEnterpriseIds: ["enterprise-print", "enterprise-harbour"]}) { id } }""");
            assertThat(refused.errorCode()).isEqualTo("RULE_VIOLATION");
            assertThat(refused.firstError().at("/extensions/rule").asText()).isEqualTo("covered-once");

            JsonNode after = server.client.post("""
                    { union(id: "union-rival") { id } enterprise(id: "enterprise-print") { coveringUnion { id } } }""",
                    server.client.post("{ readModel { eventLogPosition } }").data().at("/readModel/eventLogPosition").asText())
                    .data();
            assertThat(after.path("union").isNull()).isTrue();
            assertThat(after.at("/enterprise/coveringUnion").isNull()).isTrue();

            // the printing cooperative, kept in memory since its registration, was covered and then
            // rolled back within the refused command: what is kept must be what was stored
            GraphQLClient.Answer covered = server.client.post("""
                    mutation { establishUnion(input: {id: "union-print", name: "Printers' union", kind: JOINT,
                      district: HAISHU, township: "HAISHU-02", parentId: "union-haishu-01", foundedOn: "2016-02-01",
                      coveredEnterpriseIds: ["enterprise-print"]}) { id } }""");
            assertThat(covered.body().has("errors")).as("%s", covered.body()).isFalse();
        }
    }

    @Test
    void a_competition_with_many_enrolments_is_loaded_from_its_snapshot_after_a_restart() {
        enrolSevenHundredFiftyMembers();
        try (var events = embeddedStore(Serializers.snapshots())) {
            assertThat(events.readSnapshot("competition-mass")).hasValueSatisfying(snapshot -> {
                assertThat(snapshot.getPayload()).isInstanceOf(Competition.class);
                assertThat(snapshot.getSequenceNumber()).isGreaterThanOrEqualTo(500);
            });
        }
        try (TestServer server = TestServer.start(dataDirectory)) {
            GraphQLClient.Answer again = server.client.post("""
                    mutation { enrollParticipants(input: {competitionId: "competition-mass", enrolledOn: "2016-03-01",
                      participants: [{kind: MEMBER, id: "member-mass-3"}]}) { version } }""");
            assertThat(again.firstError().at("/extensions/rule").asText()).isEqualTo("enrol-once");
            // the snapshot keeps the day each participant enrolled
            assertThat(server.client.post(award("member-mass-749", "2016-01-31")).firstError()
                    .at("/extensions/rule").asText()).isEqualTo("not-before-enrolment");
            assertThat(server.client.post(award("member-mass-749", "2016-12-31")).data()
                    .at("/grantAward/version").asInt()).isEqualTo(751);
        }
    }

    @Test
    void a_snapshot_of_an_earlier_shape_is_passed_over_and_the_competition_rebuilt_from_its_events() throws Exception {
        enrolSevenHundredFiftyMembers();
        // an earlier build's snapshot carried no revision; this one, enrolment-free, would refuse every award
        ObjectMapper fields = ((JacksonSerializer) Serializers.snapshots()).getObjectMapper();
        Competition noEnrolments = fields.readValue("""
                {"competitionId": "competition-mass", "startsOn": "2016-01-01", "endsOn": "2016-12-31"}""",
                Competition.class);
        try (var events = embeddedStore(JacksonSerializer.builder().objectMapper(fields).revisionResolver(type -> null).build())) {
            events.storeSnapshot(new GenericDomainEventMessage<>("Competition", "competition-mass", 750, noEnrolments));
        }
        try (TestServer server = TestServer.start(dataDirectory)) {
            GraphQLClient.Answer granted = server.client.post(award("member-mass-0", "2016-12-31"));
            assertThat(granted.body().has("errors")).as("%s", granted.body()).isFalse();
            assertThat(granted.data().at("/grantAward/version").asInt()).isEqualTo(751);
        }
    }

    private void enrolSevenHundredFiftyMembers() {
        String launch = """
                mutation { launchCompetition(input: {id: "competition-mass", organiserUnionId: "union-haishu",
                  kind: MASS_SKILL, title: "Mass skill contest", startsOn: "2016-01-01", endsOn: "2016-12-31"}) { id } }""";
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            String workers = IntStream.range(0, 750).mapToObj(i -> "\"member-mass-" + i + "\"")
                    .collect(Collectors.joining(", "));
            assertThat(server.client.post("mutation { enrollMembers(input: {unionId: \"union-harbour\", "
                    + "joinedOn: \"2015-01-01\", memberIds: [" + workers + "]}) { eventCount } }")
                    .data().at("/enrollMembers/eventCount").asInt()).isEqualTo(750);
            server.client.post(launch);
            for (int batch = 0; batch < 3; batch++) {
                String participants = IntStream.range(batch * 250, batch * 250 + 250)
                        .mapToObj(i -> "{kind: MEMBER, id: \"member-mass-" + i + "\"}").collect(Collectors.joining(", "));
                GraphQLClient.Answer enrolled = server.client.post("mutation { enrollParticipants(input: {competitionId: "
                        + "\"competition-mass\", enrolledOn: \"2016-02-01\", participants: [" + participants
                        + "]}) { version } }");
                assertThat(enrolled.body().has("errors")).as("%s", enrolled.body()).isFalse();
            }
        }
    }

    private static String award(String participantId, String day) {
        return "mutation { grantAward(input: {competitionId: \"competition-mass\", participantId: \"" + participantId
                + "\", title: MERIT_BUILDER, grantedOn: \"" + day + "\"}) { version } }";
    }

    private RocksDbEventStorageEngine embeddedStore(Serializer snapshots) {
        return RocksDbEventStorageEngine.builder().directory(dataDirectory.resolve("events"))
                .eventSerializer(Serializers.events()).snapshotSerializer(snapshots).build();
    }
}
