package org.unionanalytics.domain.union;

import org.unionanalytics.domain.shared.District;

import java.time.LocalDate;
import java.util.List;

/**
 * Establishes a union in the federation tree. A grassroots union may cover enterprises from its
 * founding day: exactly one for an ENTERPRISE union, any number for JOINT, REGIONAL and INDUSTRY.
 */
public record EstablishUnion(String unionId, String name, UnionKind kind, RegionalSubkind subkind,
                             District district, String township, String parentUnionId, LocalDate foundedOn,
                             List<String> coveredEnterpriseIds) {

    public EstablishUnion {
        coveredEnterpriseIds = coveredEnterpriseIds == null ? List.of() : List.copyOf(coveredEnterpriseIds);
    }
}
