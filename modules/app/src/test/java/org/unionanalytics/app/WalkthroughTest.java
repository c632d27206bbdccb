package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WalkthroughTest {

    @TempDir
    Path dataDirectory;

    /** The figures worked out by hand from the walkthrough's events. */
    static void assertWalkthroughReport(JsonNode data) {
        JsonNode grassroots = data.path("report").path("grassroots");
        assertThat(grassroots.path("unions").asInt()).isEqualTo(2);
        assertThat(grassroots.path("enterprisesCovered").asInt()).isEqualTo(2);
        assertThat(grassroots.path("enterprisesRegistered").asInt()).isEqualTo(3);
        assertThat(grassroots.path("workers").asInt()).isEqualTo(120 + 8 + 30);
        assertThat(grassroots.path("members").asInt()).isEqualTo(5 - 1 + 2);
        assertThat(grassroots.path("establishmentRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(grassroots.path("membershipRate").asDouble()).isCloseTo(6.0 / 158, within(1e-9));
        assertThat(grassroots.path("townships").asInt()).isEqualTo(2);
        assertThat(grassroots.path("townshipsWithFederation").asInt()).isEqualTo(1);
        JsonNode economy = data.path("report").path("economy");
        assertThat(economy.path("keyProjectCoverage").asDouble()).isEqualTo(0.5);
        assertThat(economy.path("keyProjects").asInt()).isEqualTo(2);
        assertThat(economy.path("keyProjectsWithMeritCompetition").asInt()).isEqualTo(1);
        assertThat(economy.path("skillContests").asInt()).isEqualTo(1);
        assertThat(economy.path("skillContestParticipations").asInt()).isEqualTo(3);
        assertThat(economy.path("proposals").asInt()).isEqualTo(2);
        assertThat(economy.path("innovationAchievements").asInt()).isEqualTo(1);
        assertThat(economy.path("operationMethodsPromoted").asInt()).isEqualTo(1);
    }

    @Test
    void the_readme_walkthrough_runs_as_written_and_the_report_matches_hand_counted_figures() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            assertWalkthroughReport(Walkthrough.run(server.client));
        }
    }

    @Test
    void entities_of_the_walkthrough_read_back_through_lookups_and_connections() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            JsonNode data = server.client.post("""
                    { union(id: "union-harbour") { name kind parent { id parent { id } } memberCount enterpriseCount active }
                      unions(filter: {grassroots: true}, first: 1) { totalCount pageInfo { hasNextPage endCursor }
                                                                     edges { node { id } } }
                      enterprise(id: "enterprise-bakery") { workforce coveringUnion { id } registered }
                      member(id: "member-0005") { currentUnion { id } memberships { union { id } joinedOn endedOn } }
                      proposal(id: "proposal-cooling") { status economicBenefitYuan recognisedOn union { id } }
                      competitions(filter: {kind: SKILL_ELITE}) { edges { node { id open participantCount awardCount } } }
                      readModel { upToDate } }""").data();
            assertThat(data.at("/union/parent/parent/id").asText()).isEqualTo("union-haishu");
            assertThat(data.at("/union/memberCount").asInt()).isEqualTo(4);
            assertThat(data.at("/union/enterpriseCount").asInt()).isEqualTo(1);
            assertThat(data.at("/unions/totalCount").asInt()).isEqualTo(2);
            assertThat(data.at("/unions/pageInfo/hasNextPage").asBoolean()).isTrue();
            assertThat(data.at("/unions/edges/0/node/id").asText()).isEqualTo("union-harbour");
            assertThat(data.at("/enterprise/workforce").asInt()).isEqualTo(8);
            assertThat(data.at("/enterprise/coveringUnion/id").asText()).isEqualTo("union-smallbiz");
            assertThat(data.at("/member/currentUnion").isNull()).isTrue();
            assertThat(data.at("/member/memberships/0/endedOn").asText()).isEqualTo("2016-06-30");
            assertThat(data.at("/proposal/status").asText()).isEqualTo("IMPLEMENTED");
            assertThat(data.at("/proposal/economicBenefitYuan").asText()).isEqualTo("182000.00");
            assertThat(data.at("/competitions/edges/0/node/participantCount").asInt()).isEqualTo(3);
            assertThat(data.at("/competitions/edges/0/node/open").asBoolean()).isFalse();

            String cursor = data.at("/unions/pageInfo/endCursor").asText();
            JsonNode next = server.client.post("{ unions(filter: {grassroots: true}, first: 1, after: \"" + cursor
                    + "\") { pageInfo { hasNextPage } edges { node { id } } } }").data();
            assertThat(next.at("/unions/edges/0/node/id").asText()).isEqualTo("union-smallbiz");
            assertThat(next.at("/unions/pageInfo/hasNextPage").asBoolean()).isFalse();
        }
    }

    @Test
    void a_repeated_command_id_returns_the_first_receipt_and_stores_nothing() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            String mutation = """
                    mutation { registerKeyProject(input: {name: "Bridge", district: BEILUN, startsOn: "2014-01-01",
                      endsOn: "2015-01-01", commandId: "import-line-17"}) { id version position repeated commandId } }""";
            JsonNode first = server.client.post(mutation).data().path("registerKeyProject");
            JsonNode again = server.client.post(mutation).data().path("registerKeyProject");
            assertThat(first.path("repeated").asBoolean()).isFalse();
            assertThat(again.path("repeated").asBoolean()).isTrue();
            assertThat(again.path("id").asText()).isEqualTo(first.path("id").asText()).startsWith("keyproject-");
            assertThat(again.path("position").asText()).isEqualTo(first.path("position").asText());
            assertThat(again.path("commandId").asText()).isEqualTo("import-line-17");
            JsonNode status = server.client.post("{ readModel { eventLogPosition } keyProjects { totalCount } }",
                    first.path("position").asText()).data();
            assertThat(status.at("/readModel/eventLogPosition").asText()).isEqualTo(first.path("position").asText());
            assertThat(status.at("/keyProjects/totalCount").asInt()).isEqualTo(1);
        }
    }
}
