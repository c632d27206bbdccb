package org.unionanalytics.domain.proposal;

import java.time.LocalDate;

public record ProposalAdopted(String proposalId, LocalDate adoptedOn) {
}
