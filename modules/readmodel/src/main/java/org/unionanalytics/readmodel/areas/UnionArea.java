package org.unionanalytics.readmodel.areas;

import org.unionanalytics.domain.union.UnionKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A union as its township's figures see it: counted while alive, with its members. A union counts
 * from its founding to its dissolution, each set once, so its figures follow by rule: a change of
 * members on day d counts from d (never before the founding) until the dissolution.
 */
final class UnionArea {

    /** -1 when the union has no township (the municipal and district federations). */
    final int township;
    final UnionKind kind;
    final LocalDate foundedOn;
    LocalDate dissolvedOn;
    /** Changes of members by day, for the dissolution to take back what comes after it. */
    private final TreeMap<LocalDate, Long> members = new TreeMap<>();
    /** Enterprises with a coverage (ended or not) by this union, whose coverage its dissolution ends. */
    final List<EnterpriseArea> covered = new ArrayList<>();

    UnionArea(int township, UnionKind kind, LocalDate foundedOn, LocalDate dissolvedOn) {
        this.township = township;
        this.kind = kind;
        this.foundedOn = foundedOn;
        this.dissolvedOn = dissolvedOn;
    }

    boolean grassroots() {
        return kind.isGrassroots();
    }

    void established(Contribution.Changes changes) {
        count(foundedOn, 1, changes);
    }

    void dissolved(LocalDate on, Contribution.Changes changes) {
        dissolvedOn = on;
        LocalDate effective = Periods.later(on, foundedOn);
        count(effective, -1, changes);
        if (countsMembers()) {
            for (Map.Entry<LocalDate, Long> change : members.entrySet()) {
                changes.add(Figure.MEMBERS, Periods.later(change.getKey(), on).toEpochDay(), -change.getValue());
            }
        }
    }

    void membersChanged(LocalDate on, long delta, Contribution.Changes changes) {
        if (!countsMembers()) {
            return;
        }
        members.merge(on, delta, Long::sum);
        changes.add(Figure.MEMBERS, Periods.later(on, foundedOn).toEpochDay(), delta);
        if (dissolvedOn != null) {
            changes.add(Figure.MEMBERS, Periods.later(on, dissolvedOn).toEpochDay(), -delta);
        }
    }

    /** Restores the members known from the read model, without counting them again. */
    void knownMembers(LocalDate on, long delta) {
        if (countsMembers()) {
            members.merge(on, delta, Long::sum);
        }
    }

    private boolean countsMembers() {
        return township >= 0 && grassroots();
    }

    private void count(LocalDate on, int delta, Contribution.Changes changes) {
        if (township < 0) {
            return;
        }
        long day = on.toEpochDay();
        changes.add(Figure.PLACED_UNIONS, day, delta);
        if (grassroots()) {
            changes.add(Figure.UNIONS, day, delta);
        } else if (kind == UnionKind.TOWNSHIP_FEDERATION) {
            changes.add(Figure.FEDERATIONS, day, delta);
        }
    }
}
