package org.unionanalytics.domain.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;

public record ProposalImplemented(String proposalId, LocalDate implementedOn, BigDecimal economicBenefitYuan) {
}
