package org.unionanalytics.readmodel.projection;

import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalAdopted;
import org.unionanalytics.domain.proposal.ProposalImplemented;
import org.unionanalytics.domain.proposal.ProposalRecognised;
import org.unionanalytics.domain.proposal.ProposalRejected;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.EntityUpdates;
import org.unionanalytics.readmodel.batch.JoinedRows;
import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

/**
 * Proposals through their lifecycle, and the promotions of operation methods. Each step keeps
 * its date and the position that recorded it; the status is derived from them when read, so it
 * can be read as of any date or position.
 */
public final class ProposalProjection implements Projection {

    private final JoinedRows submitted = new JoinedRows("proposals", List.of("proposal_id", "member_id", "union_id",
            "enterprise_id", "category", "title", "submitted_on", "adopted_on", "rejected_on", "rejection_reason",
            "implemented_on", "economic_benefit", "recognised_on", "promoted_on", "recorded_pos", "recorded_at",
            "adopted_pos", "rejected_pos", "implemented_pos", "recognised_pos", "promoted_pos"),
            "u.district, u.township, e.industry, e.ownership", "LEFT JOIN unions u ON u.union_id = s.union_id "
            + "LEFT JOIN enterprises e ON e.enterprise_id = s.enterprise_id");
    private final EntityUpdates steps = new EntityUpdates("proposals", "proposal_id", List.of(
            "adopted_on", "adopted_pos", "rejected_on", "rejected_pos", "rejection_reason",
            "implemented_on", "implemented_pos", "economic_benefit", "recognised_on", "recognised_pos",
            "promoted_on", "promoted_pos")).keepingFirst("promoted_on", "promoted_pos");
    private final AppendedRows promotions = new AppendedRows("promotions");

    @Override
    public void apply(Object event, Recorded recorded) {
        if (event instanceof ProposalSubmitted e) {
            submitted.add(e.proposalId(), e.memberId(), e.unionId(), e.enterpriseId(), e.category(), e.title(),
                    e.submittedOn(), null, null, null, null, null, null, null, recorded.position(), recorded.at(),
                    null, null, null, null, null);
        } else if (event instanceof ProposalAdopted e) {
            step(e.proposalId(), "adopted", e.adoptedOn(), recorded);
        } else if (event instanceof ProposalRejected e) {
            step(e.proposalId(), "rejected", e.rejectedOn(), recorded);
            if (e.reason() != null) {
                steps.set(e.proposalId(), "rejection_reason", e.reason());
            }
        } else if (event instanceof ProposalImplemented e) {
            step(e.proposalId(), "implemented", e.implementedOn(), recorded);
            steps.set(e.proposalId(), "economic_benefit", e.economicBenefitYuan());
        } else if (event instanceof ProposalRecognised e) {
            step(e.proposalId(), "recognised", e.recognisedOn(), recorded);
        } else if (event instanceof OperationMethodPromoted e) {
            steps.set(e.proposalId(), "promoted_on", e.promotedOn());
            steps.set(e.proposalId(), "promoted_pos", recorded.position());
            e.enterpriseIds().forEach(enterprise -> promotions.add(e.proposalId(), enterprise, e.promotedOn(),
                    recorded.position(), recorded.at()));
        }
    }

    private void step(String proposalId, String step, LocalDate on, Recorded recorded) {
        steps.set(proposalId, step + "_on", on);
        steps.set(proposalId, step + "_pos", recorded.position());
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(submitted, steps, promotions);
    }

    @Override
    public void prepare(Statement statement) throws SQLException {
        submitted.prepare(statement);
        steps.prepare(statement);
    }
}
