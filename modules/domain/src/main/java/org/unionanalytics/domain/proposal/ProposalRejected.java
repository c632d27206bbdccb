package org.unionanalytics.domain.proposal;

import java.time.LocalDate;

public record ProposalRejected(String proposalId, LocalDate rejectedOn, String reason) {
}
