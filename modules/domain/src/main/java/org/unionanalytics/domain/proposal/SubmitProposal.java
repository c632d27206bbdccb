package org.unionanalytics.domain.proposal;

import java.time.LocalDate;

/** A member submits a proposal through the union it belongs to, optionally naming the enterprise it concerns. */
public record SubmitProposal(String proposalId, String memberId, String unionId, String enterpriseId, ProposalCategory category, String title, LocalDate submittedOn) {
}
