package org.unionanalytics.domain.proposal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectProposal(@TargetAggregateIdentifier String proposalId, LocalDate rejectedOn, String reason) {
}
