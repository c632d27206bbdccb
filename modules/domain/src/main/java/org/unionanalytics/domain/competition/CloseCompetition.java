package org.unionanalytics.domain.competition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseCompetition(@TargetAggregateIdentifier String competitionId, LocalDate closedOn) {
}
