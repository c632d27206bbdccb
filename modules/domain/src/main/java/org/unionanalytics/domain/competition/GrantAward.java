package org.unionanalytics.domain.competition;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantAward(@TargetAggregateIdentifier String competitionId, String participantId, AwardTitle title, LocalDate grantedOn) {
}
