package org.unionanalytics.domain.enterprise;

import java.time.LocalDate;

public record CoverageEnded(String enterpriseId, String unionId, LocalDate endedOn) {
}
