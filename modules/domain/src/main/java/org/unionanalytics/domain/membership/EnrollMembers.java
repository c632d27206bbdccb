package org.unionanalytics.domain.membership;

import java.time.LocalDate;
import java.util.List;

/** A union enrols a roster of workers on one date: all of them join, or none does. */
public record EnrollMembers(String unionId, List<String> memberIds, LocalDate joinedOn) {
}
