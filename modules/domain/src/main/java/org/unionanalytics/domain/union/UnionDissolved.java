package org.unionanalytics.domain.union;

import java.time.LocalDate;

public record UnionDissolved(String unionId, LocalDate dissolvedOn) {
}
