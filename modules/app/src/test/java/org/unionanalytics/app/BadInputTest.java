package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Each bad request gets a clear error, stores nothing, and the server keeps serving. */
class BadInputTest {

    @TempDir
    static Path dataDirectory;
    private static TestServer server;
    private static GraphQLClient client;
    private String logPositionBefore;

    @BeforeAll
    static void startWithTheWalkthrough() {
        server = TestServer.start(dataDirectory);
        client = server.client;
        Walkthrough.run(client);
        client.post("""
                mutation { dissolveUnion(input: {unionId: "union-smallbiz", dissolvedOn: "2017-06-30"}) { version } }""");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void rememberTheLog() {
        logPositionBefore = logPosition();
    }

    private static String logPosition() {
        return client.post("{ readModel { eventLogPosition } }").data().at("/readModel/eventLogPosition").asText();
    }

    private void assertNothingStoredAndStillServing() {
        assertThat(logPosition()).isEqualTo(logPositionBefore);
        assertThat(client.post("{ union(id: \"union-ningbo\") { name } }").data().at("/union/name").asText())
                .isEqualTo("Ningbo Federation of Trade Unions");
    }

    private static void assertRefused(GraphQLClient.Answer answer, String code, String rule, String messagePart) {
        assertThat(answer.errorCode()).as("%s", answer.body()).isEqualTo(code);
        if (rule != null) {
            assertThat(answer.firstError().at("/extensions/rule").asText()).isEqualTo(rule);
        }
        assertThat(answer.firstError().path("message").asText()).contains(messagePart);
    }

    @Test
    void malformed_json_is_a_bad_request() {
        GraphQLClient.Answer answer = client.postRaw("{\"query\": \"{ readModel { position } }\"", "application/json");
        assertThat(answer.status()).isEqualTo(400);
        assertRefused(answer, "BAD_REQUEST", null, "not a JSON object");
        assertNothingStoredAndStillServing();
    }

    @Test
    void an_unparseable_query_is_refused_before_execution() {
        GraphQLClient.Answer answer = client.post("{ unions { edges { node { id } }");
        assertThat(answer.status()).isEqualTo(400);
        assertRefused(answer, "GRAPHQL_PARSE_FAILED", null, "Invalid syntax");
        assertNothingStoredAndStillServing();
    }

    @Test
    void an_oversized_request_is_refused() {
        GraphQLClient.Answer answer = client.postRaw("{\"query\": \"" + "{ readModel { position } }".repeat(50_000) + "\"}",
                "application/json");
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.errorCode()).isEqualTo("REQUEST_TOO_LARGE");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_mutation_over_get_is_not_allowed() {
        GraphQLClient.Answer answer = client.get("""
                mutation { leaveUnion(input: {memberId: "member-0001", leftOn: "2017-01-01"}) { version } }""");
        assertThat(answer.status()).isEqualTo(405);
        assertNothingStoredAndStillServing();
        assertThat(client.get("{ member(id: \"member-0001\") { currentUnion { id } } }").body()
                .at("/data/member/currentUnion/id").asText()).isEqualTo("union-harbour");
    }

    @Test
    void an_unknown_id_is_not_found() {
        assertRefused(client.post("""
                mutation { reportWorkforce(input: {enterpriseId: "enterprise-nowhere", headcount: 5,
                  effectiveFrom: "2016-01-01"}) { version } }"""), "NOT_FOUND", null, "enterprise-nowhere");
        assertRefused(client.post("""
                mutation { enrollMembers(input: {unionId: "union-nowhere", joinedOn: "2016-01-01",
                  memberIds: ["member-9000"]}) { version } }"""), "NOT_FOUND", null, "union-nowhere");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_duplicate_establishment_is_a_conflict() {
        assertRefused(client.post("""
                mutation { establishUnion(input: {id: "union-harbour", name: "Again", kind: JOINT, district: HAISHU,
                  township: "HAISHU-01", parentId: "union-haishu-01", foundedOn: "2016-01-01"}) { id } }"""),
                "CONFLICT", null, "union-harbour");
        assertNothingStoredAndStillServing();
    }

    @Test
    void joining_a_dissolved_union_breaks_a_rule() {
        assertRefused(client.post("""
                mutation { enrollMembers(input: {unionId: "union-smallbiz", joinedOn: "2017-08-01",
                  memberIds: ["member-0200"]}) { version } }"""), "RULE_VIOLATION", "union-dissolved", "dissolved");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_member_already_in_another_union_is_refused_and_the_whole_roster_with_it() {
        assertRefused(client.post("""
                mutation { enrollMembers(input: {unionId: "union-harbour", joinedOn: "2017-08-01",
                  memberIds: ["member-0300", "member-0002"]}) { version } }"""),
                "RULE_VIOLATION", "one-union-at-a-time", "member-0002 is already a member of union-harbour");
        assertNothingStoredAndStillServing();
        assertThat(client.post("{ member(id: \"member-0300\") { id } }").data().path("member").isNull()).isTrue();
    }

    @Test
    void a_negative_headcount_breaks_a_rule() {
        assertRefused(client.post("""
                mutation { reportWorkforce(input: {enterpriseId: "enterprise-harbour", headcount: -3,
                  effectiveFrom: "2017-01-01"}) { version } }"""), "RULE_VIOLATION", "headcount-not-negative", "-3");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_date_before_the_unions_founding_breaks_a_rule() {
        assertRefused(client.post("""
                mutation { enrollMembers(input: {unionId: "union-harbour", joinedOn: "2013-03-31",
                  memberIds: ["member-0400"]}) { version } }"""), "RULE_VIOLATION", "not-before-founding", "2013-04-01");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_value_that_does_not_fit_the_schema_is_invalid_input() {
        GraphQLClient.Answer badDate = client.post("""
                mutation { leaveUnion(input: {memberId: "member-0001", leftOn: "2017-02-30"}) { version } }""");
        assertThat(badDate.status()).isEqualTo(400);
        assertRefused(badDate, "INVALID_INPUT", null, "leftOn");
        GraphQLClient.Answer badEnum = client.post("{ unions(filter: {district: ATLANTIS}) { totalCount } }");
        assertRefused(badEnum, "INVALID_INPUT", null, "ATLANTIS");
        GraphQLClient.Answer hugePage = client.post("{ unions(first: 100000) { totalCount } }");
        assertRefused(hugePage, "INVALID_INPUT", null, "first must be between 0 and 500");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_too_deep_query_is_refused_as_over_the_limit() {
        JsonNode body = client.post("{ union(id: \"union-harbour\") " + "{ parent ".repeat(14) + "{ id }"
                + " }".repeat(14) + " }").body();
        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(body.at("/errors/0/message").asText()).contains("16 deep", "at most 12");
        assertNothingStoredAndStillServing();
    }

    @Test
    void a_query_selecting_too_many_fields_is_refused_as_over_the_limit() {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 501; i++) {
            many.append(" r").append(i).append(": readModel { upToDate }");
        }
        JsonNode body = client.post(many.append(" }").toString()).body();
        assertThat(body.at("/errors/0/extensions/code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(body.at("/errors/0/message").asText()).contains("1002 fields", "at most 1000");
        assertThat(client.post("{ r1: readModel { upToDate } r2: readModel { upToDate } }").body().at("/data/r2/upToDate")
                .isBoolean()).isTrue();
        assertNothingStoredAndStillServing();
    }

    @Test
    void the_same_query_is_held_to_the_limits_by_the_variables_it_comes_with_each_time() {
        StringBuilder many = new StringBuilder("query Many($all: Boolean!) { r: readModel { upToDate }");
        for (int i = 0; i < 500; i++) {
            many.append(" r").append(i).append(": readModel @include(if: $all) { upToDate }");
        }
        String query = many.append(" }").toString();
        assertThat(withAll(query, false).at("/data/r/upToDate").isBoolean()).isTrue();
        JsonNode all = withAll(query, true);
        assertThat(all.at("/errors/0/extensions/code").asText()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(all.at("/errors/0/message").asText()).contains("1002 fields");
        assertThat(withAll(query, false).at("/data/r/upToDate").isBoolean()).isTrue();
    }

    private JsonNode withAll(String query, boolean all) {
        ObjectNode body = GraphQLClient.JSON.createObjectNode().put("query", query);
        body.putObject("variables").put("all", all);
        return client.postRaw(body.toString(), "application/json").body();
    }
}
