package org.unionanalytics.readmodel.areas;

import org.duckdb.DuckDBConnection;
import org.unionanalytics.domain.enterprise.CoverageEnded;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionKind;
import org.unionanalytics.readmodel.batch.AppendedRows;
import org.unionanalytics.readmodel.batch.BatchWriter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report's grassroots figures of every township, kept by the projector as changes by day and
 * by month ({@link AreaChanges}), so that the figures on any date are one small sum instead of a join of
 * every enterprise, coverage, workforce report and union. It holds what it needs of enterprises and
 * unions in memory, loaded from the read model when the projector starts, and is used only by the
 * projector's writing thread.
 */
public final class TownshipFigures {

    private final Map<List<String>, Integer> townships = new HashMap<>();
    private final Map<String, UnionArea> unions = new HashMap<>();
    private final Map<String, EnterpriseArea> enterprises = new HashMap<>();
    private final Set<EnterpriseArea> changedEnterprises = new LinkedHashSet<>();
    private final AreaChanges changes = new AreaChanges();
    private AppendedRows newTownships = new AppendedRows("townships");

    /** Reads the state the figures in the read model were counted from, forgetting anything not committed. */
    public void load(DuckDBConnection connection) throws SQLException {
        townships.clear();
        changedEnterprises.clear();
        unions.clear();
        enterprises.clear();
        try (Statement statement = connection.createStatement()) {
            forEach(statement, "SELECT tid, district, township FROM townships",
                    row -> townships.put(placeOf(row.getString(2), row.getString(3)), row.getInt(1)));
            forEach(statement, "SELECT union_id, kind, district, township, founded_on, dissolved_on FROM unions",
                    row -> unions.put(row.getString(1), new UnionArea(placed(row.getString(3), row.getString(4)),
                            UnionKind.valueOf(row.getString(2)), date(row, 5), date(row, 6))));
            forEach(statement, "SELECT union_id, on_date, sum(delta) FROM membership_changes GROUP BY ALL",
                    row -> union(row.getString(1)).knownMembers(date(row, 2), row.getLong(3)));
            forEach(statement, "SELECT enterprise_id, district, township, registered_on, deregistered_on FROM enterprises",
                    row -> {
                        var enterprise = new EnterpriseArea(township(row.getString(2), row.getString(3)), date(row, 4));
                        if (row.getObject(5) != null) {
                            enterprise.deregistered(date(row, 5));
                        }
                        enterprises.put(row.getString(1), enterprise);
                    });
            forEach(statement, "SELECT enterprise_id, union_id, started_on, ended_on FROM coverages ORDER BY started_pos",
                    row -> {
                        var enterprise = enterprise(row.getString(1));
                        enterprise.covered(union(row.getString(2)), date(row, 3));
                        if (row.getObject(4) != null) {
                            enterprise.coverageEnded(date(row, 4));
                        }
                    });
            forEach(statement, "SELECT enterprise_id, headcount, effective_from FROM workforce_reports ORDER BY recorded_pos",
                    row -> enterprise(row.getString(1)).workforceReported(row.getInt(2), date(row, 3)));
            changes.reset(statement);
        }
        for (EnterpriseArea enterprise : enterprises.values()) {
            enterprise.counted = enterprise.contribution();
        }
    }

    /** Takes in an event of the batch, in log order; events that do not bear on the figures are ignored. */
    public void apply(Object event) {
        if (event instanceof EnterpriseRegistered e) {
            var enterprise = new EnterpriseArea(township(e.district().name(), e.township()), e.registeredOn());
            enterprises.put(e.enterpriseId(), enterprise);
            changedEnterprises.add(enterprise);
        } else if (event instanceof EnterpriseDeregistered e) {
            changed(e.enterpriseId()).deregistered(e.deregisteredOn());
        } else if (event instanceof WorkforceReported e) {
            changed(e.enterpriseId()).workforceReported(e.headcount(), e.effectiveFrom());
        } else if (event instanceof EnterpriseCovered e) {
            changed(e.enterpriseId()).covered(union(e.unionId()), e.since());
        } else if (event instanceof CoverageEnded e) {
            changed(e.enterpriseId()).coverageEnded(e.endedOn());
        } else if (event instanceof UnionEstablished e) {
            var union = new UnionArea(placed(e.district() == null ? null : e.district().name(), e.township()), e.kind(),
                    e.foundedOn(), null);
            unions.put(e.unionId(), union);
            union.established(into(union.township));
        } else if (event instanceof UnionDissolved e) {
            UnionArea union = union(e.unionId());
            union.dissolved(e.dissolvedOn(), into(union.township));
            changedEnterprises.addAll(union.covered);
        }
    }

    /** Members of a union that began (+) or ended (-) on a day, as the batch's membership spells counted them. */
    public void membersChanged(String unionId, LocalDate on, long delta) {
        UnionArea union = union(unionId);
        union.membersChanged(on, delta, into(union.township));
    }

    /** Writes the batch's changes (inside its transaction), starts the next batch, and says which tables changed. */
    public Set<String> flush(BatchWriter writer) throws SQLException {
        for (EnterpriseArea enterprise : changedEnterprises) {
            Contribution now = enterprise.contribution();
            enterprise.counted.differences(now, into(enterprise.township));
            enterprise.counted = now;
        }
        changedEnterprises.clear();
        Set<String> changed = new HashSet<>(newTownships.flush(writer));
        changed.addAll(changes.flush(writer));
        return changed;
    }

    private Contribution.Changes into(int township) {
        return (figure, epochDay, delta) -> {
            if (township >= 0) {
                changes.add(township, figure, epochDay, delta);
            }
        };
    }

    private int township(String district, String township) {
        return townships.computeIfAbsent(placeOf(district, township), place -> {
            int id = townships.size() + 1;
            newTownships.add(id, district, township);
            return id;
        });
    }

    /** The township's number, or -1 for a union placed in none (the municipal and district federations). */
    private int placed(String district, String township) {
        return township == null ? -1 : township(district, township);
    }

    private static List<String> placeOf(String district, String township) {
        return Arrays.asList(district, township);
    }

    private EnterpriseArea changed(String enterpriseId) {
        EnterpriseArea enterprise = enterprise(enterpriseId);
        changedEnterprises.add(enterprise);
        return enterprise;
    }

    private EnterpriseArea enterprise(String enterpriseId) {
        EnterpriseArea enterprise = enterprises.get(enterpriseId);
        if (enterprise == null) {
            throw new IllegalStateException("the event log names enterprise " + enterpriseId + " before registering it");
        }
        return enterprise;
    }

    private UnionArea union(String unionId) {
        UnionArea union = unions.get(unionId);
        if (union == null) {
            throw new IllegalStateException("the event log names union " + unionId + " before establishing it");
        }
        return union;
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private interface Row {
        void read(ResultSet row) throws SQLException;
    }

    private static void forEach(Statement statement, String sql, Row reader) throws SQLException {
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                reader.read(rows);
            }
        }
    }
}
