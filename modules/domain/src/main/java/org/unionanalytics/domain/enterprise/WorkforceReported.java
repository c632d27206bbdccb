package org.unionanalytics.domain.enterprise;

import java.time.LocalDate;

public record WorkforceReported(String enterpriseId, int headcount, LocalDate effectiveFrom) {
}
