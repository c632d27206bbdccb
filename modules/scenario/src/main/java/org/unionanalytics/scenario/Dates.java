package org.unionanalytics.scenario;

import java.time.LocalDate;

final class Dates {

    private Dates() {
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
