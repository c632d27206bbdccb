package org.unionanalytics.domain.competition;

import java.time.LocalDate;

public record CompetitionLaunched(String competitionId, String organiserUnionId, CompetitionKind kind, String title, LocalDate startsOn, LocalDate endsOn, String keyProjectId) {
}
