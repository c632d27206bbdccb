package org.unionanalytics.readmodel.projection;

import org.unionanalytics.domain.enterprise.CoverageEnded;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.EntityUpdates;
import org.unionanalytics.readmodel.batch.Spells;
import org.unionanalytics.readmodel.batch.StagedWrite;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Enterprises, their workforce reports and their coverage by unions. */
public final class EnterpriseProjection implements Projection {

    private final AppendedRows registered = new AppendedRows("enterprises");
    private final EntityUpdates changed = new EntityUpdates("enterprises", "enterprise_id",
            List.of("deregistered_on", "deregistered_pos"));
    private final AppendedRows workforce = new AppendedRows("workforce_reports");
    private final Spells coverage = new Spells("coverages", "enterprise_id");

    @Override
    public void apply(Object event, Recorded recorded) {
        long position = recorded.position();
        if (event instanceof EnterpriseRegistered e) {
            registered.add(e.enterpriseId(), e.name(), e.ownership(), e.industry(), e.district(), e.township(),
                    e.registeredOn(), null, position, recorded.at(), null);
        } else if (event instanceof WorkforceReported e) {
            workforce.add(e.enterpriseId(), e.headcount(), e.effectiveFrom(), position, recorded.at());
        } else if (event instanceof EnterpriseCovered e) {
            coverage.open(e.enterpriseId(), e.unionId(), e.since(), recorded);
        } else if (event instanceof CoverageEnded e) {
            coverage.close(e.enterpriseId(), e.endedOn(), position, e.unionId());
        } else if (event instanceof EnterpriseDeregistered e) {
            changed.set(e.enterpriseId(), "deregistered_on", e.deregisteredOn());
            changed.set(e.enterpriseId(), "deregistered_pos", position);
        }
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(registered, changed, workforce, coverage);
    }

    @Override
    public void prepare(Statement statement) throws SQLException {
        changed.prepare(statement);
        coverage.prepare(statement);
    }
}
