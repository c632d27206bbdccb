package org.unionanalytics.readmodel.projection;

import org.unionanalytics.domain.competition.AwardGranted;
import org.unionanalytics.domain.competition.CompetitionClosed;
import org.unionanalytics.domain.competition.CompetitionKind;
import org.unionanalytics.domain.competition.CompetitionLaunched;
import org.unionanalytics.domain.competition.ParticipantEnrolled;
import org.unionanalytics.domain.keyproject.KeyProjectRegistered;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.EntityUpdates;
import org.unionanalytics.readmodel.batch.JoinedRows;
import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/** Key projects, labour competitions, their participations and awards. */
public final class CompetitionProjection implements Projection {

    private final AppendedRows keyProjects = new AppendedRows("key_projects");
    private final AppendedRows launched = new AppendedRows("competitions");
    private final EntityUpdates changed = new EntityUpdates("competitions", "competition_id",
            List.of("closed_on", "closed_pos"));
    private final JoinedRows participations = new JoinedRows("participations", List.of("competition_id",
            "participant_kind", "participant_id", "enrolled_on", "recorded_pos", "recorded_at"),
            "c.kind, c.starts_on, c.skill_contest", "LEFT JOIN competitions c ON c.competition_id = s.competition_id");
    private final AppendedRows awards = new AppendedRows("awards");
    /** Whether the batch launched a merit competition, which may move its key project's merit_since. */
    private boolean meritLaunched;
    private final StagedWrite meritSince = writer -> {
        if (!meritLaunched) {
            return Set.of();
        }
        meritLaunched = false;
        writer.execute("""
                UPDATE key_projects k SET merit_since = m.since
                FROM (SELECT key_project_id, min(starts_on) AS since FROM competitions
                      WHERE kind = 'KEY_PROJECT_MERIT' GROUP BY key_project_id) m
                WHERE m.key_project_id = k.key_project_id AND k.merit_since IS DISTINCT FROM m.since""");
        return Set.of("key_projects");
    };

    @Override
    public void apply(Object event, Recorded recorded) {
        long position = recorded.position();
        if (event instanceof KeyProjectRegistered e) {
            keyProjects.add(e.keyProjectId(), e.name(), e.district(), e.startsOn(), e.endsOn(), position, recorded.at(), null);
        } else if (event instanceof CompetitionLaunched e) {
            launched.add(e.competitionId(), e.organiserUnionId(), e.kind(), e.title(), e.startsOn(), e.endsOn(),
                    e.keyProjectId(), null, position, recorded.at(), null, e.kind().skillContest());
            meritLaunched |= e.kind() == CompetitionKind.KEY_PROJECT_MERIT;
        } else if (event instanceof ParticipantEnrolled e) {
            participations.add(e.competitionId(), e.kind(), e.participantId(), e.enrolledOn(), position, recorded.at());
        } else if (event instanceof AwardGranted e) {
            awards.add(e.competitionId(), e.participantId(), e.title(), e.grantedOn(), position, recorded.at());
        } else if (event instanceof CompetitionClosed e) {
            changed.set(e.competitionId(), "closed_on", e.closedOn());
            changed.set(e.competitionId(), "closed_pos", position);
        }
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(keyProjects, launched, meritSince, changed, participations, awards);
    }

    @Override
    public void prepare(Statement statement) throws SQLException {
        changed.prepare(statement);
        participations.prepare(statement);
    }
}
