package org.unionanalytics.domain.competition;

import java.time.LocalDate;

public record CompetitionClosed(String competitionId, LocalDate closedOn) {
}
