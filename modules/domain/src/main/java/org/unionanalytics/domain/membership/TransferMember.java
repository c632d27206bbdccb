package org.unionanalytics.domain.membership;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TransferMember(@TargetAggregateIdentifier String memberId, String toUnionId, LocalDate transferredOn) {
}
