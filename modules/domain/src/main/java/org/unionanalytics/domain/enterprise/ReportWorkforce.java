package org.unionanalytics.domain.enterprise;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The enterprise's headcount of workers (职工), effective from a date until the next report. */
public record ReportWorkforce(@TargetAggregateIdentifier String enterpriseId, int headcount, LocalDate effectiveFrom) {
}
