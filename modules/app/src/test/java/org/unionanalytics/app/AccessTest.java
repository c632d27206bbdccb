package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.api.access.AccessSettings;
import org.unionanalytics.api.access.Role;
import org.unionanalytics.api.access.Tokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Out of demo mode every request needs a token, and each role may do its own work and nothing else. */
class AccessTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static final String ESTABLISH = "mutation { establishUnion(input: {id: \"union-ningbo\", name: \"Ningbo\", "
            + "kind: MUNICIPAL_FEDERATION, foundedOn: \"1950-01-01\"}) { position } }";
    private static final String EVENTS = "{ events { edges { node { type actor } } } }";

    private static Vertx vertx;
    private static Tokens tokens;

    @TempDir
    Path dataDirectory;

    @BeforeAll
    static void signer() {
        vertx = Vertx.vertx();
        tokens = Tokens.create(vertx, AccessSettings.sharedSecret(SECRET));
    }

    @AfterAll
    static void closeSigner() {
        vertx.close();
    }

    private TestServer guarded() {
        return TestServer.start(Settings.defaults(dataDirectory, 0).toBuilder().access(AccessSettings.sharedSecret(SECRET)).build());
    }

    private static String token(String subject, Role role) {
        return tokens.issue(subject, EnumSet.of(role), Duration.ofMinutes(5));
    }

    @Test
    void a_request_without_a_valid_token_is_refused_with_401_before_it_runs() {
        String otherSecrets = Tokens.create(vertx, AccessSettings.sharedSecret("another-secret-of-at-least-32-characters"))
                .issue("mallory", EnumSet.of(Role.ADMIN), Duration.ofMinutes(5));
        try (TestServer server = guarded()) {
            for (var client : new GraphQLClient[]{server.client, server.client.withToken("not-a-token"),
                    server.client.withToken(otherSecrets)}) {
                GraphQLClient.Answer refused = client.post(ESTABLISH);
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.errorCode()).isEqualTo("UNAUTHENTICATED");
            }
            assertThat(server.client.post(ESTABLISH).firstError().path("message").asText())
                    .isEqualTo("this server needs a token: send the header Authorization: Bearer <token>");
            assertThat(server.client.withToken(token("auditor", Role.AUDITOR)).post(EVENTS).data().at("/events/edges"))
                    .as("nothing was stored").isEmpty();
        }
    }

    @Test
    void each_role_does_its_own_work_and_is_refused_the_rest_by_name() {
        try (TestServer server = guarded()) {
            var analyst = server.client.withToken(token("alice", Role.ANALYST));
            var recorder = server.client.withToken(token("rob", Role.RECORDER));
            var auditor = server.client.withToken(token("ada", Role.AUDITOR));
            var admin = server.client.withToken(token("root", Role.ADMIN));

            assertThat(analyst.post(ESTABLISH).firstError().path("message").asText())
                    .isEqualTo("establishUnion needs the recorder role; alice has analyst");
            assertThat(analyst.post(ESTABLISH).errorCode()).isEqualTo("FORBIDDEN");
            String position = recorder.post(ESTABLISH).data().at("/establishUnion/position").asText();
            assertThat(position).isEqualTo("1");

            assertThat(analyst.post("{ unions { totalCount } }", position).data().at("/unions/totalCount").asInt()).isOne();
            assertThat(recorder.post("{ unions { totalCount } }").errorCode()).isEqualTo("FORBIDDEN");
            assertThat(recorder.post("{ readModel { position } }").data().at("/readModel/position").asText())
                    .as("any caller may see how far the read model is").isEqualTo("1");

            assertThat(analyst.post(EVENTS).firstError().path("message").asText())
                    .isEqualTo("events needs the auditor role; alice has analyst");
            assertThat(analyst.post("{ aggregate(id: \"union-ningbo\") { version } }").errorCode()).isEqualTo("FORBIDDEN");
            assertThat(auditor.post("{ aggregate(id: \"union-ningbo\") { version } }").data().at("/aggregate/version").asInt())
                    .isZero();
            JsonNode stored = auditor.post(EVENTS).data().at("/events/edges/0/node");
            assertThat(stored.path("type").asText()).isEqualTo("UnionEstablished");
            assertThat(stored.path("actor").asText()).as("the recorder's subject, with its events").isEqualTo("rob");

            assertThat(auditor.post("mutation { rebuildReadModel { state } }").errorCode()).isEqualTo("FORBIDDEN");
            assertThat(admin.post("mutation { rebuildReadModel { state } }").data().at("/rebuildReadModel/state").asText())
                    .isNotBlank();
            assertThat(admin.post(EVENTS).data().at("/events/edges")).as("an admin may do all the others do").hasSize(1);
        }
    }

    @Test
    void a_websocket_is_closed_without_a_token_and_serves_its_tokens_roles_with_one() {
        try (TestServer server = guarded()) {
            server.client.withToken(token("rob", Role.RECORDER)).post(ESTABLISH);

            assertThatThrownBy(() -> new LiveClient(server.port()).close())
                    .hasMessageContaining("the server closed the connection: 4401");
            try (LiveClient analyst = new LiveClient(server.port(), token("alice", Role.ANALYST));
                 LiveClient auditor = new LiveClient(server.port(), token("ada", Role.AUDITOR))) {
                analyst.subscribe("feed", "subscription { events { type } }");
                assertThat(analyst.next(Duration.ofSeconds(10)).at("/payload/errors/0/extensions/code").asText()).isEqualTo("FORBIDDEN");
                assertThat(analyst.next(Duration.ofSeconds(10)).path("type").asText()).isEqualTo("complete");
                analyst.subscribe("batches", "subscription { eventBatches { type } }");
                assertThat(analyst.next(Duration.ofSeconds(10)).at("/payload/errors/0/message").asText())
                        .isEqualTo("eventBatches needs the auditor role; alice has analyst");
                auditor.subscribe("feed", "subscription { events { type actor } }");
                assertThat(auditor.next(Duration.ofSeconds(10)).at("/payload/data/events/actor").asText()).isEqualTo("rob");
            }
        }
    }

    @Test
    void in_demo_mode_a_request_without_a_token_may_do_everything_as_anonymous() {
        try (TestServer server = TestServer.start(dataDirectory)) {
            assertThat(server.client.post(ESTABLISH).data().at("/establishUnion/position").asText()).isEqualTo("1");
            assertThat(server.client.post(EVENTS).data().at("/events/edges/0/node/actor").asText()).isEqualTo("anonymous");
        }
    }
}
