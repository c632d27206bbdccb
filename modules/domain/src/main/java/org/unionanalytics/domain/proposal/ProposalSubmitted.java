package org.unionanalytics.domain.proposal;

import java.time.LocalDate;

public record ProposalSubmitted(String proposalId, String memberId, String unionId, String enterpriseId, ProposalCategory category, String title, LocalDate submittedOn) {
}
