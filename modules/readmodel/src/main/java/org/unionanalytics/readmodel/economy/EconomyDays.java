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
 * Adds a batch's economy flows to their days ({@code economy_days}). It counts the rows the
 * competition and proposal projections have just written, so it is written after them: a
 * participation's contest start and flag are known only once its row has copied them from the
 * competition, and only the stored row says whether a promotion was an operation method's first.
 * Rows of the batch are those recorded from its first event that counts; the positions rise with
 * the order rows are stored in, so DuckDB skips the older ones by their zone maps.
 */
public final class EconomyDays implements Projection, StagedWrite {

    private static final String ADD_THE_BATCH = """
            INSERT INTO economy_days
            SELECT on_date, known_on, count_if(flow = 'contest'), count_if(flow = 'participation'),
                   count_if(flow = 'rationalization'), count_if(flow = 'achievement'), count_if(flow = 'promotion')
            FROM (SELECT 'contest' AS flow, starts_on AS on_date, starts_on AS known_on
                  FROM competitions WHERE recorded_pos >= $1 AND skill_contest
                  UNION ALL
                  SELECT 'participation', competition_start, greatest(enrolled_on, competition_start)
                  FROM participations WHERE recorded_pos >= $1 AND competition_skill_contest
                  UNION ALL
                  SELECT 'rationalization', submitted_on, submitted_on
                  FROM proposals WHERE recorded_pos >= $1 AND category = 'RATIONALIZATION'
                  UNION ALL
                  SELECT 'achievement', recognised_on, greatest(submitted_on, recognised_on)
                  FROM proposals WHERE recognised_pos >= $1
                  UNION ALL
                  SELECT 'promotion', promoted_on, greatest(submitted_on, promoted_on)
                  FROM proposals WHERE promoted_pos >= $1)
            GROUP BY on_date, known_on
            ON CONFLICT DO UPDATE SET
                skill_contests = skill_contests + excluded.skill_contests,
                skill_contest_participations = skill_contest_participations + excluded.skill_contest_participations,
                rationalization_proposals = rationalization_proposals + excluded.rationalization_proposals,
                innovation_achievements = innovation_achievements + excluded.innovation_achievements,
                methods_promoted = methods_promoted + excluded.methods_promoted""";

    private static final long NONE = -1;
    /** The position of the batch's first event that may count in a flow (positions start at 0). */
    private long firstCounted = NONE;

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
        writer.execute(ADD_THE_BATCH, firstCounted);
        firstCounted = NONE;
        return Set.of("economy_days");
    }
}
