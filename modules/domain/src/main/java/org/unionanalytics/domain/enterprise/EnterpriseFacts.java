package org.unionanalytics.domain.enterprise;

import java.time.LocalDate;

/** What other aggregates may know of an enterprise when they check their own rules. */
public record EnterpriseFacts(String enterpriseId, LocalDate registeredOn, LocalDate deregisteredOn) {

    /** Registered on or before {@code day}, and not deregistered by then. */
    public boolean isRegisteredOn(LocalDate day) {
        return !registeredOn.isAfter(day) && (deregisteredOn == null || deregisteredOn.isAfter(day));
    }
}
