package org.unionanalytics.domain.union;

import org.unionanalytics.domain.shared.District;

import java.time.LocalDate;

public record UnionEstablished(String unionId, String name, UnionKind kind, RegionalSubkind subkind,
                               District district, String township, String parentUnionId, LocalDate foundedOn) {
}
