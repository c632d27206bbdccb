package org.unionanalytics.readmodel.areas;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An enterprise as its township's figures see it: registered, covered, and its workforce. */
final class EnterpriseArea {

    final int township;
    private final LocalDate registeredOn;
    private LocalDate deregisteredOn;
    private final List<Coverage> coverages = new ArrayList<>(1);
    /**
     * The headcount from each date on. The read model counts, on a date, the report with the
     * latest position among those effective by then; as reports arrive in position order, a new
     * report effective from E decides every date from E on, and replaces what was said about them.
     */
    private final TreeMap<LocalDate, Integer> workforce = new TreeMap<>();
    /** What is already counted for the enterprise. */
    Contribution counted = Contribution.NONE;

    /** A period of coverage by a union; it ends at the earliest of its end, the union's dissolution and the deregistration. */
    private static final class Coverage {
        final UnionArea union;
        final LocalDate since;
        LocalDate endedOn;

        Coverage(UnionArea union, LocalDate since) {
            this.union = union;
            this.since = since;
        }
    }

    EnterpriseArea(int township, LocalDate registeredOn) {
        this.township = township;
        this.registeredOn = registeredOn;
    }

    void deregistered(LocalDate on) {
        deregisteredOn = on;
    }

    void workforceReported(int headcount, LocalDate effectiveFrom) {
        workforce.tailMap(effectiveFrom, true).clear();
        workforce.put(effectiveFrom, headcount);
    }

    /** Coverage by a union from a date; a coverage still open ends that day, as in the read model's spells. */
    void covered(UnionArea union, LocalDate since) {
        coverageEnded(since);
        coverages.add(new Coverage(union, since));
        union.covered.add(this);
    }

    void coverageEnded(LocalDate on) {
        if (!coverages.isEmpty() && coverages.get(coverages.size() - 1).endedOn == null) {
            coverages.get(coverages.size() - 1).endedOn = on;
        }
    }

    Contribution contribution() {
        var contribution = Contribution.builder().during(Figure.REGISTERED, registeredOn, deregisteredOn, 1);
        for (Coverage coverage : coverages) {
            UnionArea union = coverage.union;
            if (union.grassroots()) {
                contribution.during(Figure.COVERED, Periods.later(Periods.later(coverage.since, registeredOn), union.foundedOn),
                        Periods.earlier(Periods.earlier(coverage.endedOn, union.dissolvedOn), deregisteredOn), 1);
            }
        }
        if (deregisteredOn == null || deregisteredOn.isAfter(registeredOn)) {
            Map.Entry<LocalDate, Integer> before = workforce.floorEntry(registeredOn);
            long headcount = before == null ? 0 : before.getValue();
            contribution.add(Figure.WORKERS, registeredOn, headcount);
            var later = deregisteredOn == null ? workforce.tailMap(registeredOn, false)
                    : workforce.subMap(registeredOn, false, deregisteredOn, false);
            for (Map.Entry<LocalDate, Integer> report : later.entrySet()) {
                contribution.add(Figure.WORKERS, report.getKey(), report.getValue() - headcount);
                headcount = report.getValue();
            }
            if (deregisteredOn != null) {
                contribution.add(Figure.WORKERS, deregisteredOn, -headcount);
            }
        }
        return contribution.build();
    }
}
