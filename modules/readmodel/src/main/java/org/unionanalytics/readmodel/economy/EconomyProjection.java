package org.unionanalytics.readmodel.economy;

import org.unionanalytics.domain.competition.CompetitionLaunched;
import org.unionanalytics.domain.competition.ParticipantEnrolled;
import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.ProposalRecognised;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.readmodel.batch.BatchWriter;
import org.unionanalytics.readmodel.batch.StagedWrite;
import org.unionanalytics.readmodel.projection.Projection;
import org.unionanalytics.readmodel.projection.Recorded;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * One batch's share of the economy flows: where its first event that counts in one is, handed to
 * the long-lived {@link EconomyDays} once the competitions' and proposals' rows are written.
 */
public final class EconomyProjection implements Projection, StagedWrite {

    private static final long NONE = -1;
    private final EconomyDays days;
    /** The position of the batch's first event that may count in a flow (positions start at 0). */
    private long firstCounted = NONE;

    public EconomyProjection(EconomyDays days) {
        this.days = days;
    }

    @Override
    public void apply(Object event, Recorded recorded) {
        if (firstCounted == NONE && counts(event)) {
            firstCounted = recorded.position();
        }
    }

    private static boolean counts(Object event) {
        return event instanceof CompetitionLaunched launched && launched.kind().skillContest()
                || event instanceof ParticipantEnrolled
                || event instanceof ProposalSubmitted submitted && submitted.category() == ProposalCategory.RATIONALIZATION
                || event instanceof ProposalRecognised
                || event instanceof OperationMethodPromoted;
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(this);
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        if (firstCounted == NONE) {
            return Set.of();
        }
        days.add(writer, firstCounted);
        firstCounted = NONE;
        return Set.of(EconomyDays.TABLE);
    }
}
