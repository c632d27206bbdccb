package org.unionanalytics.domain.membership;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record LeaveUnion(@TargetAggregateIdentifier String memberId, LocalDate leftOn) {
}
