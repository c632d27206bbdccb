package org.unionanalytics.domain.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ImplementProposal(@TargetAggregateIdentifier String proposalId, LocalDate implementedOn, BigDecimal economicBenefitYuan) {
}
