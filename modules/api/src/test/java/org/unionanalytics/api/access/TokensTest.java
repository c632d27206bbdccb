package org.unionanalytics.api.access;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokensTest {

    private static final String SECRET = "a-test-secret-of-at-least-32-characters";
    private static Vertx vertx;
    private static Tokens tokens;

    @BeforeAll
    static void open() {
        vertx = Vertx.vertx();
        tokens = Tokens.create(vertx, AccessSettings.sharedSecret(SECRET));
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    private static Caller caller(Tokens checking, String authorization) {
        return checking.caller(authorization).await();
    }

    @Test
    void a_token_names_its_subject_and_roles() {
        String token = tokens.issue("alice", EnumSet.of(Role.ANALYST, Role.AUDITOR), Duration.ofMinutes(5));

        Caller alice = caller(tokens, "Bearer " + token);

        assertThat(alice).isEqualTo(new Caller("alice", Set.of(Role.ANALYST, Role.AUDITOR)));
        assertThat(alice.may(Role.AUDITOR)).isTrue();
        assertThat(alice.may(Role.RECORDER)).isFalse();
        assertThat(caller(tokens, "Bearer " + token)).as("the second time, from the checked tokens").isEqualTo(alice);
    }

    @Test
    void an_admin_may_do_what_every_role_may() {
        Caller root = caller(tokens, "Bearer " + tokens.issue("root", EnumSet.of(Role.ADMIN), Duration.ofMinutes(5)));
        for (Role role : Role.values()) {
            assertThat(root.may(role)).isTrue();
        }
    }

    @Test
    void a_token_is_refused_once_it_has_expired_even_after_it_was_accepted() throws InterruptedException {
        String token = tokens.issue("brief", EnumSet.of(Role.ANALYST), Duration.ofSeconds(1));
        assertThat(caller(tokens, "Bearer " + token).subject()).isEqualTo("brief");

        Thread.sleep(2_100);

        assertThatThrownBy(() -> caller(tokens, "Bearer " + token)).isInstanceOf(Unauthenticated.class)
                .hasMessageContaining("the token was refused");
    }

    @Test
    void a_token_signed_with_another_secret_or_malformed_or_missing_is_refused_in_words() {
        String forged = Tokens.create(vertx, AccessSettings.sharedSecret("another-secret-of-at-least-32-characters"))
                .issue("mallory", EnumSet.of(Role.ADMIN), Duration.ofMinutes(5));

        assertThatThrownBy(() -> caller(tokens, "Bearer " + forged)).isInstanceOf(Unauthenticated.class);
        assertThatThrownBy(() -> caller(tokens, "Basic dXNlcjpwYXNz")).hasMessage("the Authorization header must read Bearer <token>");
        assertThatThrownBy(() -> caller(tokens, null))
                .hasMessage("this server needs a token: send the header Authorization: Bearer <token>");
    }

    @Test
    void in_demo_mode_no_token_means_anonymous_with_every_role_and_a_token_still_counts() {
        Tokens demo = Tokens.create(vertx, AccessSettings.demoMode());
        String analyst = demo.issue("demo-analyst", EnumSet.of(Role.ANALYST), Duration.ofMinutes(5));

        assertThat(caller(demo, null)).isEqualTo(Caller.ANONYMOUS_DEMO);
        assertThat(caller(demo, "Bearer " + analyst).roles()).containsExactly(Role.ANALYST);
    }

    @Test
    void a_secret_too_short_to_sign_with_is_refused_at_start() {
        assertThatThrownBy(() -> Tokens.create(vertx, AccessSettings.sharedSecret("short")))
                .hasMessage("the token secret must be at least 32 characters long, not 5");
    }
}
