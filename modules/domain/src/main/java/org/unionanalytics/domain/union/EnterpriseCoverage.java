package org.unionanalytics.domain.union;

import java.time.LocalDate;

/** Puts an enterprise under a union's coverage, checking the enterprise's own rules. */
@FunctionalInterface
public interface EnterpriseCoverage {

    void cover(String enterpriseId, UnionFacts union, LocalDate since);
}
