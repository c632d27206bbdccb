package org.unionanalytics.domain.proposal;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Recognises a proposal as an innovation achievement (职工创新成果). */
public record RecogniseProposal(@TargetAggregateIdentifier String proposalId, LocalDate recognisedOn) {
}
