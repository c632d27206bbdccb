package org.unionanalytics.domain.enterprise;

import org.unionanalytics.domain.shared.RuleViolation;

import java.time.LocalDate;

/** What other aggregates may know of an enterprise when they check their own rules. */
public record EnterpriseFacts(String enterpriseId, LocalDate registeredOn, LocalDate deregisteredOn) {

    /** Registered on or before {@code day}, and not deregistered by then. */
    private boolean isRegisteredOn(LocalDate day) {
        return !registeredOn.isAfter(day) && (deregisteredOn == null || deregisteredOn.isAfter(day));
    }

    void requireRegisteredOn(LocalDate day, String what) {
        RuleViolation.require(isRegisteredOn(day), "enterprise-registered", enterpriseId
                + (registeredOn.isAfter(day) ? " was registered only on " + registeredOn
                        : " was deregistered on " + deregisteredOn)
                + " and takes no " + what + " on " + day);
    }
}
