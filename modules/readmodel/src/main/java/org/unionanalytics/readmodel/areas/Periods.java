package org.unionanalytics.readmodel.areas;

import java.time.LocalDate;

/** Where periods start and end: a start is the latest of its causes, an end the earliest (null: no end). */
final class Periods {

    private Periods() {
    }

    static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
