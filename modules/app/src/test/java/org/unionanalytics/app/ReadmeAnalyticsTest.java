package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's questions for analysts, asked of the walkthrough's data, as a reader would. */
class ReadmeAnalyticsTest {

    @TempDir
    Path dataDirectory;

    @Test
    void every_analytics_example_of_the_readme_answers_with_the_walkthroughs_figures() {
        List<String> questions = Walkthrough.readmeSection("analytics");
        assertThat(questions).hasSize(6);
        try (TestServer server = TestServer.start(dataDirectory)) {
            Walkthrough.run(server.client);
            JsonNode[] answers = questions.stream().map(question -> {
                GraphQLClient.Answer answer = server.client.post(question);
                assertThat(answer.body().has("errors")).as("%s: %s", question, answer.body()).isFalse();
                return answer.data();
            }).toArray(JsonNode[]::new);

            JsonNode quarters = answers[0].at("/analytics/membership");
            assertThat(quarters.get(0).at("/date/quarter").asText()).isEqualTo("2013-04-01");
            assertThat(quarters.get(quarters.size() - 1).path("members").asInt()).isEqualTo(2);
            JsonNode adopted = answers[1].at("/analytics/proposals");
            assertThat(adopted).hasSize(2);
            assertThat(adopted.get(0).path("economicBenefitYuan").asText()).isEqualTo("182000.00");
            assertThat(answers[2].at("/analytics/participations/0/participations").asInt()).isEqualTo(3);
            assertThat(answers[3].at("/analytics/enterprises/0/establishmentRate").asDouble()).isEqualTo(0.5);
            assertThat(answers[4].at("/then/areas/0/members").asInt()).isZero();
            assertThat(answers[4].at("/then/areas/0/workers").asInt()).isEqualTo(158);
            assertThat(answers[4].at("/now/areas/0/members").asInt()).isEqualTo(6);
            assertThat(answers[4].at("/now/areas/0/membershipRate").asDouble()).isEqualTo(6.0 / 158);
            JsonNode years = answers[5].at("/analytics/economy");
            assertThat(years).extracting(year -> year.at("/countedOn/year").asText())
                    .containsExactly("2015-01-01", "2016-01-01", "2017-01-01");
            assertThat(years.get(1).path("skillContests").asInt()).isEqualTo(1);
            assertThat(years.get(1).path("skillContestParticipations").asInt()).isEqualTo(3);
            assertThat(years.get(1).path("innovationAchievements").asInt()).isEqualTo(1);
            assertThat(years.get(1).path("operationMethodsPromoted").asInt()).isEqualTo(1);
            assertThat(years).extracting(year -> year.path("rationalizationProposals").asInt()).containsExactly(1, 0, 1);
        }
    }
}
