package org.unionanalytics.readmodel.projection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalAdopted;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.readmodel.ProjectedHistory;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.cube.Filter;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProposalProjectionTest {

    @TempDir
    Path directory;

    @Test
    void an_operation_method_counts_as_promoted_on_its_first_promotion_whatever_follows() {
        try (var history = new ProjectedHistory(directory)) {
            history.publish(method("proposal-1"), new ProposalAdopted("proposal-1", d("2015-05-01")),
                    method("proposal-2"), new ProposalAdopted("proposal-2", d("2015-05-01")),
                    new OperationMethodPromoted("proposal-1", List.of("enterprise-1"), d("2015-06-01")));
            history.caughtUp();
            // a later promotion in a batch of its own, and two promotions in one batch
            history.publish(new OperationMethodPromoted("proposal-1", List.of("enterprise-2"), d("2015-09-01")),
                    new OperationMethodPromoted("proposal-2", List.of("enterprise-1"), d("2015-07-01")),
                    new OperationMethodPromoted("proposal-2", List.of("enterprise-3"), d("2015-10-01")));
            var cubes = new CubeEngine(history::caughtUp, tables -> history.projector().changedAt(tables), Duration.ofSeconds(10), 0);

            assertThat(promoted(cubes, "2015-06-01", "2015-06-30", null)).isEqualTo(1);
            assertThat(promoted(cubes, "2015-07-01", "2015-07-31", null)).isEqualTo(1);
            assertThat(promoted(cubes, "2015-08-01", "2015-12-31", null)).isZero();
            assertThat(promoted(cubes, "2015-01-01", "2015-12-31", null)).isEqualTo(2);
            // as known before the second batch, proposal 2 had not been promoted
            long beforeSecondBatch = history.head() - 3;
            assertThat(promoted(cubes, "2015-01-01", "2015-12-31", beforeSecondBatch)).isEqualTo(1);
        }
    }

    private static ProposalSubmitted method(String id) {
        return new ProposalSubmitted(id, "member-1", "union-a", "enterprise-1", ProposalCategory.OPERATION_METHOD, id,
                d("2015-04-01"));
    }

    private static long promoted(CubeEngine cubes, String from, String to, Long knownAt) {
        var query = new CubeQuery("proposals", List.of(), List.of(), List.of("methodsPromoted"),
                new Filter.Condition("promotedOn", Filter.Operator.IN_DATE_RANGE, List.of(d(from), d(to))), List.of(),
                1, 0, d("2016-01-01"), knownAt, CubeEngine.defaultZone());
        return ((Number) cubes.run(query).get(0).get("methodsPromoted")).longValue();
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }
}
