package org.unionanalytics.domain.enterprise;

import org.unionanalytics.domain.shared.District;

import java.time.LocalDate;

public record RegisterEnterprise(String enterpriseId, String name, Ownership ownership, Industry industry,
                                 District district, String township, LocalDate registeredOn) {
}
