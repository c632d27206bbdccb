package org.unionanalytics.domain.enterprise;

import java.time.LocalDate;

public record EnterpriseCovered(String enterpriseId, String unionId, LocalDate since) {
}
