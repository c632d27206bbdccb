package org.unionanalytics.domain.union;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;

/**
 * Establishes a union together with the enterprises it covers from its founding day, in one unit
 * of work: either the union and all its coverage are stored, or nothing is.
 */
public class UnionFounding {

    private final Repository<Union> unions;
    private final UnionRegistry registry;
    private final EnterpriseCoverage coverage;

    public UnionFounding(Repository<Union> unions, UnionRegistry registry, EnterpriseCoverage coverage) {
        this.unions = unions;
        this.registry = registry;
        this.coverage = coverage;
    }

    @CommandHandler
    public String handle(EstablishUnion command) throws Exception {
        UnionFacts parent = command.parentUnionId() == null ? null : registry.requireUnion(command.parentUnionId());
        unions.newInstance(() -> new Union(command, parent));
        var founded = new UnionFacts(command.unionId(), command.kind(), command.district(), command.foundedOn(), null);
        command.coveredEnterpriseIds().forEach(enterpriseId -> coverage.cover(enterpriseId, founded, command.foundedOn()));
        return command.unionId();
    }
}
