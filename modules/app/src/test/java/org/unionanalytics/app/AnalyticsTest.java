package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The cubes through GraphQL, over the README walkthrough's history. */
class AnalyticsTest {

    @TempDir
    static Path dataDirectory;
    private static TestServer server;
    private static GraphQLClient client;
    private static JsonNode walkthroughReport;

    @BeforeAll
    static void startWithTheWalkthrough() {
        server = TestServer.start(dataDirectory);
        client = server.client;
        walkthroughReport = Walkthrough.run(client);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode rows(String cubeField) {
        GraphQLClient.Answer answer = client.post("{ analytics { " + cubeField + " } }");
        assertThat(answer.body().has("errors")).as("%s", answer.body()).isFalse();
        return answer.data().path("analytics").elements().next();
    }

    private static List<String> lines(String cubeField) {
        List<String> lines = new ArrayList<>();
        rows(cubeField).forEach(row -> {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(value.isObject() ? value.elements().next().asText() : value.asText()));
            lines.add(String.join(" ", values));
        });
        return lines;
    }

    @Test
    void the_selection_is_the_group_by() {
        assertThat(lines("membership(asOf: \"2017-09-21\") { district unionKind members }"))
                .containsExactly("HAISHU ENTERPRISE 4", "HAISHU JOINT 2");
        assertThat(lines("membership(asOf: \"2017-09-21\") { members }")).containsExactly("6");
    }

    @Test
    void a_stock_cube_as_a_series_of_year_ends() {
        // harbour roster of 5 on 2013-05-01, small-business roster of 2 on 2014-03-01, one leaver on 2016-06-30
        assertThat(lines("membership(where: {date: {inDateRange: [\"2013-01-01\", \"2016-12-31\"]}}) { date { year } members }"))
                .containsExactly("2013-01-01 5", "2014-01-01 7", "2015-01-01 7", "2016-01-01 6");
    }

    @Test
    void filters_order_and_money() {
        assertThat(lines("proposals(orderBy: [{by: economicBenefitYuan, direction: DESC}]) { category economicBenefitYuan proposals }"))
                .containsExactly("RATIONALIZATION 182000.00 2", "OPERATION_METHOD 0.00 1");
        assertThat(lines("proposals(where: {OR: [{status: {equals: REJECTED}}, {recognised: {equals: true}}]}) { status proposals }"))
                .containsExactly("IMPLEMENTED 1", "REJECTED 1");
        assertThat(lines("enterprises(asOf: \"2017-09-21\", where: {ownership: {in: [PRIVATE, COLLECTIVE]}, industry: {notEquals: HOSPITALITY}}) "
                + "{ ownership enterprises enterprisesCovered establishmentRate }"))
                .containsExactly("COLLECTIVE 1 0 0.0", "PRIVATE 1 1 1.0");
        assertThat(lines("participations(where: {enrolledOn: {inDateRange: [\"2016-01-01\", \"2016-12-31\"]}}) { enrolledOn { month } participations awardWinners }"))
                .containsExactly("2016-04-01 3 1");
    }

    @Test
    void recorded_times_bucket_in_the_requested_time_zone() {
        String zone = "Pacific/Kiritimati";
        String today = OffsetDateTime.now(ZoneId.of(zone)).toLocalDate().toString();
        assertThat(lines("unions(timezone: \"" + zone + "\") { recordedAt { day } unions }")).containsExactly(today + " 5");
    }

    @Test
    void known_at_a_time_before_anything_was_recorded_there_was_nothing() {
        assertThat(lines("unions(knownAtTime: \"2000-01-01T00:00:00Z\") { unions }")).containsExactly("0");
        assertThat(lines("unions(knownAtTime: \"2999-01-01T00:00:00Z\") { unions }")).containsExactly("5");
        assertThat(lines("unions(knownAt: \"3\") { kind unions }"))
                .containsExactly("DISTRICT_FEDERATION 1", "MUNICIPAL_FEDERATION 1", "TOWNSHIP_FEDERATION 1");
    }

    @Test
    void the_report_agrees_with_the_cubes_and_takes_known_at() {
        JsonNode areas = rows("areas(asOf: \"2017-09-21\") { members workers unions enterprisesCovered }").get(0);
        JsonNode grassroots = walkthroughReport.at("/report/grassroots");
        assertThat(areas.path("members").asInt()).isEqualTo(grassroots.path("members").asInt());
        assertThat(areas.path("workers").asInt()).isEqualTo(grassroots.path("workers").asInt());
        assertThat(areas.path("unions").asInt()).isEqualTo(grassroots.path("unions").asInt());
        JsonNode early = client.post("{ report(knownAt: \"3\") { grassroots { unions townshipsWithFederation } } }").data();
        assertThat(early.at("/report/grassroots/unions").asInt()).isZero();
        assertThat(early.at("/report/grassroots/townshipsWithFederation").asInt()).isEqualTo(1);
    }

    @Test
    void hostile_or_impossible_questions_get_clear_errors() {
        assertThat(lines("unions(where: {township: {equals: \"x'); DROP TABLE unions; --\"}}) { unions }")).containsExactly("0");
        assertThat(client.post("{ analytics { unions(timezone: \"Mars/Olympus\") { unions } } }").errorCode()).isEqualTo("INVALID_INPUT");
        assertThat(client.post("{ analytics { unions(limit: 60000) { unions } } }").errorCode()).isEqualTo("INVALID_INPUT");
        GraphQLClient.Answer series = client.post("{ analytics { proposals { date { year } proposals } } }");
        assertThat(series.errorCode()).as("%s", series.body()).isEqualTo("INVALID_INPUT");
        assertThat(lines("unions(asOf: \"2017-09-21\", where: {grassroots: {equals: true}}) { unions }")).containsExactly("2");
    }

    @Test
    void a_rebuild_switches_to_a_model_with_the_same_answers() {
        JsonNode before = client.post(Walkthrough.operations().get(Walkthrough.operations().size() - 1)).data();
        JsonNode started = client.post("mutation { rebuildReadModel { state target } }").data().path("rebuildReadModel");
        assertThat(started.path("state").asText()).isIn("RUNNING", "SWITCHED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> client.post("{ readModel { rebuild { state } } }")
                .data().at("/readModel/rebuild/state").asText().equals("SWITCHED"));
        JsonNode status = client.post("{ readModel { upToDate rebuild { position target eventsPerSecond } } }").data();
        assertThat(status.at("/readModel/rebuild/position").asText()).isEqualTo(status.at("/readModel/rebuild/target").asText());
        assertThat(client.post(Walkthrough.operations().get(Walkthrough.operations().size() - 1)).data()).isEqualTo(before);
    }
}
