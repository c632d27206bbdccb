package org.unionanalytics.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.scenario.HistoryImport;
import org.unionanalytics.scenario.ReferenceFigures;
import org.unionanalytics.scenario.ReferenceHistory;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference history at 1/200, imported through the server's command side, read back through GraphQL. */
class ReferenceHistoryTest {

    static final double SCALE = 1.0 / 200;

    @TempDir
    static Path dataDirectory;
    private static TestServer server;
    private static JsonNode report;
    private static HistoryImport.Result imported;

    @BeforeAll
    static void importTheHistory() throws InterruptedException {
        server = TestServer.start(dataDirectory);
        Node node = server.node();
        imported = new HistoryImport(node.commands.gateway(), node.storage, node.storage::lastPosition, 256, line -> { })
                .run(new ReferenceHistory(1, SCALE));
        report = server.client.post("""
                { report { grassroots { unions enterprisesCovered enterprisesRegistered workers members establishmentRate
                                        membershipRate townships townshipsWithFederation }
                           economy { keyProjectCoverage skillContests skillContestParticipations proposals
                                     innovationAchievements operationMethodsPromoted } } }""",
                Long.toString(node.storage.lastPosition())).data().path("report");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_report_gives_the_scaled_reference_figures_exactly() {
        ReferenceFigures figures = new ReferenceFigures(SCALE);
        JsonNode grassroots = report.path("grassroots");
        assertThat(grassroots.path("unions").asLong()).isEqualTo(figures.unions()).isEqualTo(138);
        assertThat(grassroots.path("enterprisesCovered").asLong()).isEqualTo(figures.enterprisesCovered()).isEqualTo(557);
        assertThat(grassroots.path("enterprisesRegistered").asLong()).isEqualTo(figures.enterprisesRegistered());
        assertThat(grassroots.path("workers").asLong()).isEqualTo(figures.workers()).isEqualTo(19_000);
        assertThat(grassroots.path("members").asLong()).isEqualTo(figures.members()).isEqualTo(18_600);
        assertThat(grassroots.path("establishmentRate").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(grassroots.path("membershipRate").asDouble()).isGreaterThanOrEqualTo(0.95);
        assertThat(grassroots.path("townships").asLong()).isEqualTo(154);
        assertThat(grassroots.path("townshipsWithFederation").asLong()).isEqualTo(154);
        JsonNode economy = report.path("economy");
        assertThat(economy.path("keyProjectCoverage").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(economy.path("skillContests").asLong()).isEqualTo(figures.skillContests()).isEqualTo(75);
        assertThat(economy.path("skillContestParticipations").asLong()).isEqualTo(figures.skillContestParticipations())
                .isEqualTo(2_500);
        assertThat(economy.path("proposals").asLong()).isEqualTo(figures.rationalizationProposals()).isEqualTo(1_635);
        assertThat(economy.path("innovationAchievements").asLong()).isEqualTo(figures.innovationAchievements()).isEqualTo(55);
        assertThat(economy.path("operationMethodsPromoted").asLong()).isEqualTo(figures.operationMethodsPromoted()).isEqualTo(10);
        assertThat(imported.skipped()).isZero();
    }

    @Test
    void the_cubes_agree_with_the_report() {
        JsonNode cubes = server.client.post("""
                { analytics {
                    membership(asOf: "2017-09-21") { members }
                    workforce(asOf: "2017-09-21") { workers }
                    unions(asOf: "2017-09-21", where: {grassroots: {equals: true}}) { unions }
                    enterprises(asOf: "2017-09-21") { enterprises enterprisesCovered }
                    proposals(asOf: "2017-09-21", where: {category: {equals: RATIONALIZATION},
                              submittedOn: {inDateRange: ["2012-10-01", "2017-09-21"]}}) { proposals }
                    byDistrict: membership(asOf: "2017-09-21") { district members } } }""").data().path("analytics");
        JsonNode grassroots = report.path("grassroots");
        assertThat(cubes.at("/membership/0/members").asLong()).isEqualTo(grassroots.path("members").asLong());
        assertThat(cubes.at("/workforce/0/workers").asLong()).isEqualTo(grassroots.path("workers").asLong());
        assertThat(cubes.at("/unions/0/unions").asLong()).isEqualTo(grassroots.path("unions").asLong());
        assertThat(cubes.at("/enterprises/0/enterprises").asLong()).isEqualTo(grassroots.path("enterprisesRegistered").asLong());
        assertThat(cubes.at("/enterprises/0/enterprisesCovered").asLong()).isEqualTo(grassroots.path("enterprisesCovered").asLong());
        assertThat(cubes.at("/proposals/0/proposals").asLong()).isEqualTo(report.at("/economy/proposals").asLong());
        long sum = 0;
        for (JsonNode district : cubes.path("byDistrict")) {
            sum += district.path("members").asLong();
        }
        assertThat(cubes.path("byDistrict").size()).isEqualTo(15);
        assertThat(sum).isEqualTo(grassroots.path("members").asLong());
    }
}
