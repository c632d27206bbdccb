package org.unionanalytics.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class QueryTimeoutTest {

    @TempDir
    Path dataDirectory;

    @Test
    void a_query_over_its_time_is_cancelled_with_a_clear_error_and_the_server_carries_on() {
        Settings impatient = Settings.defaults(dataDirectory, 0).toBuilder().queryTimeout(Duration.ofMillis(1)).keptAnswers(0).build();
        try (TestServer server = TestServer.start(impatient)) {
            GraphQLClient.Answer answer = server.client.post("""
                    { analytics { areas(where: {date: {inDateRange: ["2013-01-01", "2015-12-31"]}}) {
                        date { week } members workers membershipRate } } }""");
            assertThat(answer.errorCode()).as("%s", answer.body()).isEqualTo("TIMEOUT");
            assertThat(answer.firstError().path("message").asText()).contains("cancelled");
            assertThat(server.client.post("{ readModel { upToDate } }").data().at("/readModel/upToDate").asBoolean()).isTrue();
        }
    }

    @Test
    void a_request_over_its_time_is_abandoned_with_a_clear_error_and_the_server_carries_on() {
        Settings oneSecondEach = TestServer.patience(dataDirectory, Duration.ofSeconds(5), Duration.ofSeconds(1));
        try (TestServer server = TestServer.start(oneSecondEach)) {
            long started = System.nanoTime();
            // waits for an event the log will not hold within the request's second
            GraphQLClient.Answer answer = server.client.post("{ readModel { upToDate } }", "999999999");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.errorCode()).as("%s", answer.body()).isEqualTo("TIMEOUT");
            assertThat(answer.firstError().path("message").asText()).contains("longer than 1 s");
            assertThat(server.client.post("{ readModel { upToDate } }").data().at("/readModel/upToDate").asBoolean()).isTrue();
        }
    }
}
