package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Dashboards subscribe over graphql-transport-ws and hear of the writes that change their answers. */
class LiveSubscriptionsTest {

    /** The README's live subscriptions: the report, then a cube. */
    private static final List<String> README = Walkthrough.readmeSection("live");
    private static final Duration SOON = Duration.ofSeconds(10);

    @TempDir
    Path dataDirectory;

    @Test
    void a_live_report_is_sent_at_once_then_again_as_writes_change_it_until_it_equals_the_report() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            live.subscribe("report", README.get(0));
            JsonNode first = live.next(SOON);
            assertThat(first.path("type").asText()).isEqualTo("next");
            assertThat(first.at("/payload/data/report/grassroots/unions").asInt()).isZero();

            long started = System.nanoTime();
            JsonNode asked = Walkthrough.run(server.client).path("report");
            JsonNode latest = first;
            int updates = 0;
            while (!agrees(latest.at("/payload/data/report"), asked)) {
                latest = live.next(SOON);
                assertThat(latest).as("an update with the walkthrough's figures").isNotNull();
                assertThat(latest.path("id").asText()).isEqualTo("report");
                updates++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(updates).as("updates within %.1f s, at most one a second", seconds).isLessThanOrEqualTo((int) seconds + 2);
            assertThat(latest.at("/payload/data/report/grassroots/unions").asInt()).isPositive();
        }
    }

    @Test
    void a_live_cube_is_answered_as_the_same_question_over_http() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            Walkthrough.run(server.client);
            live.subscribe("areas", README.get(1));
            JsonNode areas = live.next(SOON).at("/payload/data/analytics/areas");
            assertThat(areas).isNotEmpty();
            assertThat(areas).isEqualTo(server.client.post(README.get(1).replaceFirst("subscription", "query"))
                    .data().at("/analytics/areas"));
        }
    }

    @Test
    void a_write_that_leaves_the_answer_as_it_was_sends_nothing() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isZero();

            String position = server.client.post("mutation { registerEnterprise(input: {id: \"enterprise-quiet\", "
                    + "name: \"Quiet Works\", ownership: PRIVATE, industry: MANUFACTURING, district: HAISHU, "
                    + "township: \"HAISHU-01\", registeredOn: \"2010-03-01\"}) { position } }")
                    .data().at("/registerEnterprise/position").asText();
            assertThat(server.client.post("{ readModel { upToDate } }", position).data().at("/readModel/upToDate").asBoolean())
                    .isTrue();
            assertThat(live.next(Duration.ofSeconds(3))).as("no message for an enterprise: no union changed").isNull();

            establishTheCity(server);
            JsonNode update = live.next(SOON);
            assertThat(update).as("the new union, live").isNotNull();
            assertThat(update.at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_dashboard_hears_of_a_lone_write_as_soon_as_the_read_model_has_it_however_long_the_live_interval() {
        try (TestServer server = TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().liveInterval(Duration.ofMinutes(1)).build());
             LiveClient live = new LiveClient(server.port())) {
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isZero();
            establishTheCity(server);
            JsonNode update = live.next(SOON);
            assertThat(update).as("the new union within seconds, not at the next minute").isNotNull();
            assertThat(update.at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(1);
        }
    }

    @Test
    void a_dashboard_subscribed_across_a_rebuild_hears_of_the_writes_after_it() throws InterruptedException {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            establishTheCity(server);
            // a write is acknowledged once stored; the read model has it a batch later
            Awaitility.await().atMost(SOON).until(() -> server.client.post("{ analytics { unions { unions } } }")
                    .data().at("/analytics/unions/0/unions").asInt() == 1);
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(1);

            server.client.post("mutation { rebuildReadModel { state } }");
            Awaitility.await().atMost(SOON).until(() -> server.client.post("{ readModel { rebuild { state } } }")
                    .data().at("/readModel/rebuild/state").asText().equals("SWITCHED"));
            Thread.sleep(Settings.defaults(dataDirectory, 0).liveInterval().toMillis() * 2); // the look the switch asked for is over
            GraphQLClient.Answer haishu = server.client.post("mutation { establishUnion(input: {id: \"union-haishu\", "
                    + "name: \"Haishu Federation\", kind: DISTRICT_FEDERATION, district: HAISHU, parentId: \"union-ningbo\", "
                    + "foundedOn: \"1951-01-01\"}) { position } }");
            assertThat(haishu.body().has("errors")).as("%s", haishu.body()).isFalse();

            JsonNode update = live.next(SOON);
            assertThat(update).as("the write after the rebuild, from the rebuilt read model").isNotNull();
            assertThat(update.at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(2);
        }
    }

    @Test
    void a_dashboard_is_sent_a_change_no_sooner_than_the_live_interval_after_the_one_before() {
        Duration interval = Duration.ofSeconds(4);
        try (TestServer server = TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().liveInterval(interval).build());
             LiveClient live = new LiveClient(server.port())) {
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isZero();
            establishTheCity(server);
            assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(1);
            long firstChange = System.nanoTime();

            GraphQLClient.Answer haishu = server.client.post("mutation { establishUnion(input: {id: \"union-haishu\", "
                    + "name: \"Haishu Federation\", kind: DISTRICT_FEDERATION, district: HAISHU, parentId: \"union-ningbo\", "
                    + "foundedOn: \"1951-01-01\"}) { position } }");
            assertThat(haishu.body().has("errors")).as("%s", haishu.body()).isFalse();
            JsonNode second = live.next(SOON);

            assertThat(second.at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(2);
            assertThat(Duration.ofNanos(System.nanoTime() - firstChange)).isGreaterThan(interval.minusSeconds(1));
        }
    }

    @Test
    void a_subscription_its_client_completed_is_sent_nothing_more() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            live.subscribe("unions", "subscription { analytics { unions { unions } } }");
            assertThat(live.next(SOON).path("type").asText()).isEqualTo("next");
            live.complete("unions");
            establishTheCity(server);
            assertThat(live.next(Duration.ofSeconds(3))).isNull();
        }
    }

    @Test
    void a_report_subscription_over_a_backward_period_is_refused_with_its_reason() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            live.subscribe("backward", "subscription { report(from: \"2017-01-01\", to: \"2016-01-01\") { from } }");
            JsonNode refusal = live.next(SOON);
            assertThat(refusal.at("/payload/errors/0/message").asText()).contains("after its end");
            assertThat(refusal.at("/payload/errors/0/extensions/code").asText()).isEqualTo("INVALID_INPUT");
            assertThat(live.next(SOON).path("type").asText()).isEqualTo("complete");
            assertThat(server.client.post("{ readModel { upToDate } }").status()).as("the server carries on").isEqualTo(200);
        }
    }

    @Test
    void a_query_sent_over_the_socket_is_answered_and_completed() {
        try (TestServer server = TestServer.start(dataDirectory); LiveClient live = new LiveClient(server.port())) {
            live.subscribe("once", "{ report { grassroots { unions } } }");
            JsonNode answer = live.next(SOON);
            assertThat(answer.path("type").asText()).isEqualTo("next");
            assertThat(answer.at("/payload/data/report/grassroots/unions").asInt()).isZero();
            assertThat(live.next(SOON).path("type").asText()).isEqualTo("complete");
        }
    }

    @Test
    void past_the_most_subscriptions_one_is_refused_by_name_and_room_is_made_as_others_end() {
        Settings two = Settings.defaults(dataDirectory, 0).toBuilder().maxSubscriptions(2).build();
        try (TestServer server = TestServer.start(two)) {
            establishTheCity(server);
            // the read model has the city before anyone subscribes, so no update comes between the answers below
            Awaitility.await().atMost(SOON).until(() -> server.client.post("{ readModel { upToDate } }")
                    .data().at("/readModel/upToDate").asBoolean());
            try (LiveClient live = new LiveClient(server.port())) {
                live.subscribe("unions", "subscription { analytics { unions { unions } } }");
                assertThat(live.next(SOON).at("/payload/data/analytics/unions/0/unions").asInt()).isEqualTo(1);
                live.subscribe("feed", "subscription { events(after: \"0\") { position } }");
                assertThat(live.next(SOON).at("/payload/data/events/position").asText()).as("an event feed counts too").isEqualTo("1");

                live.subscribe("third", "subscription { report { grassroots { unions } } }");
                JsonNode refusal = live.next(SOON);
                assertThat(refusal.path("id").asText()).isEqualTo("third");
                assertThat(refusal.at("/payload/errors/0/extensions/code").asText()).isEqualTo("LIMIT_EXCEEDED");
                assertThat(refusal.at("/payload/errors/0/message").asText()).contains("2 subscriptions", "--max-subscriptions");
                assertThat(live.next(SOON).path("type").asText()).isEqualTo("complete");
                assertThat(server.client.post("{ readModel { upToDate } }").status()).as("the server carries on").isEqualTo(200);

                live.complete("unions");
                live.subscribe("report", "subscription { report { grassroots { unions } } }");
                assertThat(live.next(SOON).at("/payload/data/report/grassroots/unions").asInt())
                        .as("room made by a completed subscription").isZero();
            }
            // the socket closed with both of its subscriptions: both make room
            Awaitility.await().atMost(SOON).until(() -> subscribesTwice(server));
        }
    }

    private static boolean subscribesTwice(TestServer server) {
        try (LiveClient live = new LiveClient(server.port())) {
            for (String id : List.of("one", "two")) {
                live.subscribe(id, "subscription { analytics { unions { unions } } }");
                JsonNode answer = live.next(SOON);
                if (answer == null || answer.at("/payload/errors").isArray()) {
                    return false;
                }
            }
            return true;
        }
    }

    private static void establishTheCity(TestServer server) {
        GraphQLClient.Answer receipt = server.client.post("mutation { establishUnion(input: {id: \"union-ningbo\", "
                + "name: \"Ningbo Federation\", kind: MUNICIPAL_FEDERATION, foundedOn: \"1950-01-01\"}) { position } }");
        assertThat(receipt.body().has("errors")).as("%s", receipt.body()).isFalse();
    }

    /** Whether every figure the live report selected is the one the report over HTTP gave. */
    private static boolean agrees(JsonNode live, JsonNode asked) {
        for (String panel : List.of("grassroots", "economy")) {
            var figures = live.path(panel).fieldNames();
            while (figures.hasNext()) {
                String figure = figures.next();
                if (!live.path(panel).get(figure).equals(asked.path(panel).get(figure))) {
                    return false;
                }
            }
        }
        return true;
    }
}
