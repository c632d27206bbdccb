package org.unionanalytics.domain.union;

import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.shared.RuleViolation;

import java.time.LocalDate;

/** What other aggregates may know of a union when they check their own rules. */
public record UnionFacts(String unionId, UnionKind kind, District district, LocalDate foundedOn,
                         LocalDate dissolvedOn) {

    public boolean isDissolved() {
        return dissolvedOn != null;
    }

    /** A dissolved union takes no new members or coverage, and nobody joins before its founding. */
    public void requireAcceptsMembersOn(LocalDate date, String what) {
        RuleViolation.require(kind.isGrassroots(), "grassroots-only",
                unionId + " is a " + kind + ", and only grassroots unions take " + what);
        RuleViolation.require(!isDissolved(), "union-dissolved",
                unionId + " was dissolved on " + dissolvedOn + " and takes no new " + what);
        RuleViolation.require(!date.isBefore(foundedOn), "not-before-founding",
                what + " on " + date + " would come before " + unionId + " was founded on " + foundedOn);
    }

    /** Dissolved on {@code day} or before: from its dissolution on, it binds no member or enterprise. */
    public boolean isDissolvedBy(LocalDate day) {
        return dissolvedOn != null && !dissolvedOn.isAfter(day);
    }

    public boolean isActive() {
        return !isDissolved();
    }
}
