package org.unionanalytics.domain.proposal;

import java.time.LocalDate;

public record ProposalRecognised(String proposalId, LocalDate recognisedOn) {
}
