package org.unionanalytics.api.access;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tokens an identity provider signs with the keys it publishes, the way Keycloak or Auth0 issue them. */
class IdentityProviderTokensTest {

    private static final String ISSUER = "https://id.example/realms/unions";
    private static final String AUDIENCE = "union-analytics";
    private static final String KEYCLOAK_ROLES = "/realm_access/roles";

    private static Vertx vertx;
    private static HttpServer provider;
    private static final AtomicReference<JsonObject> published = new AtomicReference<>();
    private static final AtomicInteger keySetReads = new AtomicInteger();
    private static final AtomicBoolean available = new AtomicBoolean(true);
    private static final SigningKey first = SigningKey.rsa("key-1");

    @BeforeAll
    static void startProvider() {
        vertx = Vertx.vertx();
        published.set(SigningKey.keySet(first));
        provider = vertx.createHttpServer().requestHandler(request -> {
            keySetReads.incrementAndGet();
            if (!available.get()) {
                request.response().setStatusCode(503).end();
                return;
            }
            request.response().putHeader("content-type", "application/json").end(published.get().encode());
        }).listen(0).await();
    }

    @AfterAll
    static void stop() {
        vertx.close().await();
    }

    private static String keySetUrl() {
        return "http://127.0.0.1:" + provider.actualPort() + "/realms/unions/protocol/openid-connect/certs";
    }

    private static Tokens checking(Duration rereadGap) {
        return Tokens.create(vertx, new AccessSettings(null, keySetUrl(), ISSUER, AUDIENCE, KEYCLOAK_ROLES, false),
                rereadGap);
    }

    private static JsonObject claims(String subject, String... roles) {
        return new JsonObject().put("sub", subject).put("iss", ISSUER).put("aud", new JsonArray().add(AUDIENCE).add("account"))
                .put("realm_access", new JsonObject().put("roles", new JsonArray(List.of(roles))));
    }

    private static Caller caller(Tokens tokens, String token) {
        return tokens.caller("Bearer " + token).await();
    }

    @Test
    void a_token_the_provider_signed_names_its_caller_and_the_roles_this_server_knows() {
        // Keycloak publishes an encryption key beside its signing key; it has no part in checking tokens
        JsonObject encryption = SigningKey.rsa("enc-1").publicJwk().copy().put("use", "enc").put("alg", "RSA-OAEP");
        JsonObject keycloaks = SigningKey.keySet(first);
        keycloaks.getJsonArray("keys").add(encryption);
        published.set(keycloaks);
        Tokens tokens;
        try {
            tokens = checking(Duration.ofMinutes(1));
        } finally {
            published.set(SigningKey.keySet(first));
        }

        Caller auditor = caller(tokens, first.sign(claims("f3c1-auditor", "auditor", "offline_access", "uma_authorization")));

        assertThat(auditor).isEqualTo(new Caller("f3c1-auditor", Set.of(Role.AUDITOR)));
    }

    @Test
    void a_token_for_another_issuer_or_audience_is_refused_in_words() {
        Tokens tokens = checking(Duration.ofMinutes(1));

        String elsewhere = first.sign(claims("bob", "admin").put("iss", "https://id.example/realms/other"));
        String otherApp = first.sign(claims("bob", "admin").put("aud", "payroll"));

        assertThatThrownBy(() -> caller(tokens, elsewhere)).isInstanceOf(Unauthenticated.class).hasMessageContaining("issuer");
        assertThatThrownBy(() -> caller(tokens, otherApp)).isInstanceOf(Unauthenticated.class).hasMessageContaining("audience");
    }

    @Test
    void a_rotated_key_is_learnt_by_reading_the_key_set_again() {
        Tokens tokens = checking(Duration.ZERO);
        SigningKey next = SigningKey.rsa("key-2");
        published.set(SigningKey.keySet(first, next));
        try {
            Caller recorder = caller(tokens, next.sign(claims("clerk", "recorder")));

            assertThat(recorder.roles()).containsExactly(Role.RECORDER);
        } finally {
            published.set(SigningKey.keySet(first));
        }
    }

    @Test
    void a_key_the_provider_never_published_is_refused_and_not_fetched_for_again_at_once() {
        Tokens tokens = checking(Duration.ofMinutes(1));
        SigningKey stranger = SigningKey.rsa("key-of-mallory");
        int readsBefore = keySetReads.get();

        assertThatThrownBy(() -> caller(tokens, stranger.sign(claims("mallory", "admin"))))
                .isInstanceOf(Unauthenticated.class).hasMessageContaining("the token was refused");
        assertThatThrownBy(() -> caller(tokens, stranger.sign(claims("mallory", "admin"))))
                .isInstanceOf(Unauthenticated.class);
        assertThat(keySetReads.get()).as("within the gap since the start, no second read").isEqualTo(readsBefore);
    }

    @Test
    void a_provider_that_cannot_be_reached_is_asked_again_only_after_the_gap() throws InterruptedException {
        Tokens tokens = checking(Duration.ofSeconds(2));
        SigningKey stranger = SigningKey.rsa("key-while-down");
        Thread.sleep(2_100);
        available.set(false);
        try {
            int readsBefore = keySetReads.get();

            assertThatThrownBy(() -> caller(tokens, stranger.sign(claims("eve", "analyst")))).isInstanceOf(Unauthenticated.class);
            assertThatThrownBy(() -> caller(tokens, stranger.sign(claims("eve", "analyst")))).isInstanceOf(Unauthenticated.class);

            assertThat(keySetReads.get()).as("one attempt, failed, and none at the second request").isEqualTo(readsBefore + 1);
        } finally {
            available.set(true);
        }
    }

    @Test
    void a_token_signed_with_a_secret_is_refused_where_only_the_provider_signs() {
        Tokens tokens = checking(Duration.ofMinutes(1));
        String selfMade = Tokens.create(vertx, new AccessSettings("a-secret-of-at-least-32-characters-long", null, ISSUER,
                AUDIENCE, KEYCLOAK_ROLES, false)).issue("mallory", Set.of(Role.ADMIN), Duration.ofMinutes(5));

        assertThatThrownBy(() -> caller(tokens, selfMade)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> tokens.issue("anyone", Set.of(Role.ANALYST), Duration.ofMinutes(5)))
                .hasMessage("this server has no secret to sign tokens with: its tokens come from the identity provider");
    }

    @Test
    void elliptic_curve_keys_from_a_file_work_beside_the_server_s_own_secret(@TempDir Path directory) throws Exception {
        SigningKey curve = SigningKey.ec("ec-1");
        Path file = directory.resolve("jwks.json");
        Files.writeString(file, SigningKey.keySet(curve).encode());
        Tokens tokens = Tokens.create(vertx, new AccessSettings("a-secret-of-at-least-32-characters-long", file.toString(),
                null, null, "roles", false));

        Caller fromProvider = caller(tokens, curve.sign(new JsonObject().put("sub", "dora").put("roles", "analyst auditor")));
        Caller fromServer = caller(tokens, tokens.issue("eve", Set.of(Role.RECORDER), Duration.ofMinutes(5)));

        assertThat(fromProvider).isEqualTo(new Caller("dora", Set.of(Role.ANALYST, Role.AUDITOR)));
        assertThat(fromServer).isEqualTo(new Caller("eve", Set.of(Role.RECORDER)));
    }

    @Test
    void an_rsa_key_published_without_its_algorithm_is_taken_as_rs256_as_entra_id_publishes_them(@TempDir Path directory)
            throws Exception {
        SigningKey entra = SigningKey.rsa("entra-1");
        JsonObject keySet = SigningKey.keySet(entra);
        keySet.getJsonArray("keys").getJsonObject(0).remove("alg");
        Path file = directory.resolve("keys.json");
        Files.writeString(file, keySet.encode());
        Tokens tokens = Tokens.create(vertx, new AccessSettings(null, file.toString(), null, null, "roles", false));

        Caller analyst = caller(tokens, entra.sign(new JsonObject().put("sub", "oid-42").put("roles", new JsonArray().add("analyst"))));

        assertThat(analyst).isEqualTo(new Caller("oid-42", Set.of(Role.ANALYST)));
    }

    @Test
    void a_server_whose_key_set_cannot_be_read_does_not_start(@TempDir Path directory) {
        String missing = directory.resolve("no-such-jwks.json").toString();

        assertThatThrownBy(() -> Tokens.create(vertx, new AccessSettings(null, missing, null, null, "roles", false)))
                .hasMessageStartingWith("could not read the identity provider's key set from " + missing);
    }

    @Test
    void a_provider_that_never_answers_stops_the_start_within_its_patience_saying_so() {
        HttpServer silent = vertx.createHttpServer().requestHandler(request -> { }).listen(0).await();
        String url = "http://127.0.0.1:" + silent.actualPort() + "/certs";
        long started = System.nanoTime();
        try {
            assertThatThrownBy(() -> Tokens.create(vertx, new AccessSettings(null, url, null, null, "roles", false)))
                    .hasMessageStartingWith("could not read the identity provider's key set from " + url);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThanOrEqualTo(Duration.ofSeconds(25));
        } finally {
            silent.close().await();
        }
    }
}
