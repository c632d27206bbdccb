package org.unionanalytics.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Read-your-writes: a query can ask for the read model to reach a position first, for a bounded time. */
class AwaitPositionTest {

    private static final String QUERY = "{ readModel { upToDate } }";
    /** A position the log does not hold: the server waits its whole bound, then answers. */
    private static final String AHEAD = "999999999";

    @TempDir
    Path dataDirectory;

    @Test
    void a_position_asked_in_the_extensions_is_waited_for_at_most_the_bound_then_answered() {
        assertWaitsOnceAndAnswers(client -> client.post(QUERY, AHEAD));
    }

    @Test
    void a_position_asked_in_the_header_is_waited_for_at_most_the_bound_then_answered() {
        assertWaitsOnceAndAnswers(client -> client.postAwaitingInHeader(QUERY, AHEAD));
    }

    @Test
    void a_position_already_reached_is_answered_at_once() {
        Settings patient = TestServer.patience(dataDirectory, Duration.ofSeconds(20), Duration.ofSeconds(30));
        try (TestServer server = TestServer.start(patient)) {
            long started = System.nanoTime();
            GraphQLClient.Answer answer = server.client.postAwaitingInHeader(QUERY, "0");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer.data().at("/readModel/upToDate").asBoolean()).isTrue();
        }
    }

    private void assertWaitsOnceAndAnswers(Function<GraphQLClient, GraphQLClient.Answer> ask) {
        Settings patient = TestServer.patience(dataDirectory, Duration.ofSeconds(1), Duration.ofSeconds(30));
        try (TestServer server = TestServer.start(patient)) {
            long started = System.nanoTime();
            GraphQLClient.Answer answer = ask.apply(server.client);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.data().at("/readModel/upToDate").asBoolean()).isTrue();
        }
    }
}
