package org.unionanalytics.domain.proposal;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spreads an advanced operation method (先进操作法) to further enterprises. */
public record PromoteOperationMethod(@TargetAggregateIdentifier String proposalId, List<String> enterpriseIds, LocalDate promotedOn) {
}
