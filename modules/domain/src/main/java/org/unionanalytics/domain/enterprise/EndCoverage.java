package org.unionanalytics.domain.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The enterprise leaves its union's coverage, so that another union may cover it. */
public record EndCoverage(@TargetAggregateIdentifier String enterpriseId, LocalDate endedOn) {
}
