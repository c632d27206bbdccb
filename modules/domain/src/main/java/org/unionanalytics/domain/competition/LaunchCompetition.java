package org.unionanalytics.domain.competition;

import java.time.LocalDate;

/** An active union launches a labour competition; a KEY_PROJECT_MERIT competition names its key project. */
public record LaunchCompetition(String competitionId, String organiserUnionId, CompetitionKind kind, String title, LocalDate startsOn, LocalDate endsOn, String keyProjectId) {
}
