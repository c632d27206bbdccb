package org.unionanalytics.domain.competition;

import java.time.LocalDate;

public record AwardGranted(String competitionId, String participantId, AwardTitle title, LocalDate grantedOn) {
}
