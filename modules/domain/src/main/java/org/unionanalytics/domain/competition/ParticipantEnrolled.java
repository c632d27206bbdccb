package org.unionanalytics.domain.competition;

import java.time.LocalDate;

public record ParticipantEnrolled(String competitionId, ParticipantKind kind, String participantId, LocalDate enrolledOn) {
}
