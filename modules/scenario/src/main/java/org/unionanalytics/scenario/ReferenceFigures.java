package org.unionanalytics.scenario;

/**
 * The phase-1 figures of the Ningbo federation's five years (DOMAIN.md), scaled. A figure at
 * scale s is {@code Math.round(figure * s)}; "at least" figures are met exactly at their floor.
 */
public record ReferenceFigures(double scale) {

    public static final double FULL = 1.0;

    public long unions() {
        return scaled(27_500);
    }

    public long enterprisesCovered() {
        return scaled(111_300);
    }

    public long workers() {
        return scaled(3_800_000);
    }

    public long members() {
        return scaled(3_720_000);
    }

    public long skillContests() {
        return scaled(15_000);
    }

    public long skillContestParticipations() {
        return scaled(500_000);
    }

    public long rationalizationProposals() {
        return scaled(327_000);
    }

    public long innovationAchievements() {
        return scaled(11_000);
    }

    public long operationMethodsPromoted() {
        return scaled(2_063);
    }

    /** Uncovered enterprises: 4% of the covered ones, so the establishment rate is 1/1.04 = 0.9615 (>= 0.95). */
    public long enterprisesUncovered() {
        return Math.round(enterprisesCovered() * 0.04);
    }

    public long enterprisesRegistered() {
        return enterprisesCovered() + enterprisesUncovered();
    }

    /** Key projects of the city's list; not stated, chosen so that the merit coverage is computable at every scale. */
    public long keyProjects() {
        return Math.max(12, scaled(300));
    }

    /** 11 of every 12 key projects get a merit competition: coverage 0.917 (>= 0.9). */
    public long keyProjectsWithMerit() {
        return keyProjects() * 11 / 12;
    }

    public long scaled(long figure) {
        return Math.round(figure * scale);
    }
}
