package org.unionanalytics.domain.keyproject;

import java.time.LocalDate;
import org.unionanalytics.domain.shared.District;

/** Puts a project on the city's list of key construction projects (重点工程). */
public record RegisterKeyProject(String keyProjectId, String name, District district, LocalDate startsOn, LocalDate endsOn) {
}
