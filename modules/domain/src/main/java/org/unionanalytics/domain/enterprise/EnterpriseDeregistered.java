package org.unionanalytics.domain.enterprise;

import java.time.LocalDate;

public record EnterpriseDeregistered(String enterpriseId, LocalDate deregisteredOn) {
}
