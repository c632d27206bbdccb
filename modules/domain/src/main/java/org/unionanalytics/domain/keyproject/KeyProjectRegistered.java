package org.unionanalytics.domain.keyproject;

import java.time.LocalDate;
import org.unionanalytics.domain.shared.District;

public record KeyProjectRegistered(String keyProjectId, String name, District district, LocalDate startsOn, LocalDate endsOn) {
}
