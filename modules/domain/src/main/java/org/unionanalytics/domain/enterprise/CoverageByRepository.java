package org.unionanalytics.domain.enterprise;

import org.axonframework.modelling.command.Repository;
import org.unionanalytics.domain.union.EnterpriseCoverage;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;

/** Covers enterprises loaded in the current unit of work, so a union's founding and its coverage commit together. */
public class CoverageByRepository implements EnterpriseCoverage {

    private final Repository<Enterprise> enterprises;
    private final UnionRegistry unions;

    public CoverageByRepository(Repository<Enterprise> enterprises, UnionRegistry unions) {
        this.enterprises = enterprises;
        this.unions = unions;
    }

    @Override
    public void cover(String enterpriseId, UnionFacts union, LocalDate since) {
        enterprises.load(enterpriseId).execute(enterprise -> enterprise.coverBy(union, since, unions));
    }
}
