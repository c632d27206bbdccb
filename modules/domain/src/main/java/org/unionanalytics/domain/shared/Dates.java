package org.unionanalytics.domain.shared;

import java.time.LocalDate;

/** Business dates of one aggregate only move forward. */
public final class Dates {

    private Dates() {
    }

    public static void requireNotBefore(LocalDate date, LocalDate earliest, String rule, String what) {
        RuleViolation.require(date != null, "date-required", what + " needs a date");
        RuleViolation.require(earliest == null || !date.isBefore(earliest), rule,
                what + " on " + date + " would come before " + earliest);
    }
}
