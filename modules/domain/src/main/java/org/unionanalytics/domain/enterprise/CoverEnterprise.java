package org.unionanalytics.domain.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A JOINT, REGIONAL or INDUSTRY union takes one more enterprise under its coverage. */
public record CoverEnterprise(@TargetAggregateIdentifier String enterpriseId, String unionId, LocalDate since) {
}
