package org.unionanalytics.domain.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record DeregisterEnterprise(@TargetAggregateIdentifier String enterpriseId, LocalDate deregisteredOn) {
}
