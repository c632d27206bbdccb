package org.unionanalytics.domain.competition;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record EnrollParticipants(@TargetAggregateIdentifier String competitionId, List<Participant> participants, LocalDate enrolledOn) {
}
