package org.unionanalytics.domain.union;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record DissolveUnion(@TargetAggregateIdentifier String unionId, LocalDate dissolvedOn) {
}
