package org.unionanalytics.readmodel.projection;

import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalAdopted;
import org.unionanalytics.domain.proposal.ProposalImplemented;
import org.unionanalytics.domain.proposal.ProposalRecognised;
import org.unionanalytics.domain.proposal.ProposalRejected;
import org.unionanalytics.domain.proposal.ProposalStatus;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.EntityUpdates;
import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Proposals through their lifecycle, and the promotions of operation methods. */
public final class ProposalProjection implements Projection {

    private final AppendedRows submitted = new AppendedRows("proposals");
    private final EntityUpdates changed = new EntityUpdates("proposals", "proposal_id", List.of("status",
            "adopted_on", "rejected_on", "rejection_reason", "implemented_on", "economic_benefit", "recognised_on",
            "updated_pos"));
    private final AppendedRows promotions = new AppendedRows("promotions");

    @Override
    public void apply(Object event, long position) {
        if (event instanceof ProposalSubmitted e) {
            submitted.add(e.proposalId(), e.memberId(), e.unionId(), e.enterpriseId(), e.category(), e.title(),
                    ProposalStatus.SUBMITTED, e.submittedOn(), null, null, null, null, null, null, position, position);
        } else if (event instanceof ProposalAdopted e) {
            step(e.proposalId(), position, ProposalStatus.ADOPTED).set(e.proposalId(), "adopted_on", e.adoptedOn());
        } else if (event instanceof ProposalRejected e) {
            step(e.proposalId(), position, ProposalStatus.REJECTED).set(e.proposalId(), "rejected_on", e.rejectedOn());
            if (e.reason() != null) {
                changed.set(e.proposalId(), "rejection_reason", e.reason());
            }
        } else if (event instanceof ProposalImplemented e) {
            step(e.proposalId(), position, ProposalStatus.IMPLEMENTED).set(e.proposalId(), "implemented_on", e.implementedOn());
            changed.set(e.proposalId(), "economic_benefit", e.economicBenefitYuan());
        } else if (event instanceof ProposalRecognised e) {
            step(e.proposalId(), position, null).set(e.proposalId(), "recognised_on", e.recognisedOn());
        } else if (event instanceof OperationMethodPromoted e) {
            e.enterpriseIds().forEach(enterprise -> promotions.add(e.proposalId(), enterprise, e.promotedOn(), position));
        }
    }

    private EntityUpdates step(String proposalId, long position, ProposalStatus status) {
        if (status != null) {
            changed.set(proposalId, "status", status);
        }
        changed.set(proposalId, "updated_pos", position);
        return changed;
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(submitted, changed, promotions);
    }

    @Override
    public void prepare(Statement statement) throws SQLException {
        changed.prepare(statement);
    }
}
