package org.unionanalytics.domain.proposal;

import java.time.LocalDate;
import java.util.List;

public record OperationMethodPromoted(String proposalId, List<String> enterpriseIds, LocalDate promotedOn) {
}
