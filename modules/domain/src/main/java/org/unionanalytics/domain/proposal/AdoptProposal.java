package org.unionanalytics.domain.proposal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdoptProposal(@TargetAggregateIdentifier String proposalId, LocalDate adoptedOn) {
}
