package org.unionanalytics.scenario;

import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;
import org.unionanalytics.domain.membership.TransferMember;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The phases that enrol the members and churn them. The members of a union are numbered in a row:
 * the last few of each will leave, the few before them will transfer, and the rest of those in
 * unions founded before 2012 stay (the "stable" members, who take part in contests and propose).
 */
final class Members {

    private static final LocalDate EARLY = LocalDate.of(2011, 12, 31);

    /**
     * Rosters of the generated history hold at most this many members; the domain takes 10,000. It
     * stays at the size the history was first generated with: another size would regroup the rosters
     * and renumber their commands, and an interrupted import resumes by command id.
     */
    static final int ROSTER = 1_000;

    private final Draw draw;
    private final ReferenceFigures figures;
    private final Steps steps;
    private final Workplaces workplaces;

    /** The number of each union's first member, and after the last union the number of members. */
    private long[] memberStart;
    private int[] stableMembers;
    private int stableCount;

    Members(Draw draw, ReferenceFigures figures, Steps steps, Workplaces workplaces) {
        this.draw = draw;
        this.figures = figures;
        this.steps = steps;
        this.workplaces = workplaces;
    }

    int stableCount() {
        return stableCount;
    }

    /** The number of the {@code i}th stable member. */
    int stable(int i) {
        return stableMembers[i];
    }

    /** The day the {@code i}th stable member joined its union. */
    LocalDate stableJoinedOn(int i) {
        return joinedOn(unionOf(stableMembers[i]));
    }

    /** The day the members of union {@code u} join it: a month after its founding. */
    LocalDate joinedOn(int u) {
        return workplaces.union(u).foundedOn().plusDays(30);
    }

    /** The union whose row of members holds {@code member}: the last union starting at or before it. */
    int unionOf(long member) {
        int low = 0;
        int high = memberStart.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (memberStart[middle] <= member) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private int leavers() {
        return (int) Math.round(figures.members() * 0.03);
    }

    private int transfers() {
        return (int) Math.round(figures.members() * 0.02);
    }

    /**
     * Members join their union a month after its founding, in rosters of at most {@link #ROSTER}; a union's
     * share of members follows the workforce it covers.
     */
    List<Step> rosters() {
        int n = (int) figures.unions();
        double[] workforce = new double[n];
        for (int u = 0; u < n; u++) {
            for (int e : workplaces.union(u).enterprises()) {
                workforce[u] += workplaces.headcount(e);
            }
        }
        long[] quota = Draw.apportion(figures.members() + leavers(), workforce);
        int unions = workplaces.unionCount();
        memberStart = new long[unions + 1];
        List<Step> all = new ArrayList<>();
        long nextMember = 0;
        for (int u = 0; u < unions; u++) {
            memberStart[u] = nextMember;
            long count = u < n ? quota[u] : 20;
            for (long first = 0; first < count; first += ROSTER) {
                List<String> roster = new ArrayList<>();
                for (long m = first; m < Math.min(count, first + ROSTER); m++) {
                    roster.add(Ids.member(nextMember + m));
                }
                all.add(steps.step(new EnrollMembers(workplaces.union(u).id(), roster, joinedOn(u))));
            }
            nextMember += count;
        }
        memberStart[unions] = nextMember;
        return all;
    }

    /** Leavers and transfers, apportioned to the unions founded before 2012 by their size. */
    List<Step> churn() {
        int n = (int) figures.unions();
        double[] sizes = new double[n];
        for (int u = 0; u < n; u++) {
            sizes[u] = workplaces.union(u).foundedOn().isAfter(EARLY) ? 0 : memberStart[u + 1] - memberStart[u];
        }
        long[] leaving = Draw.apportion(leavers(), sizes);
        long[] moving = Draw.apportion(transfers(), sizes);
        int[] oldUnions = IntStream.range(0, n).filter(u -> !workplaces.union(u).foundedOn().isAfter(EARLY)).toArray();
        stableMembers = new int[(int) memberStart[n]];
        stableCount = 0;
        List<Step> all = new ArrayList<>();
        int target = 0;
        for (int u = 0; u < n; u++) {
            long end = memberStart[u + 1];
            long leaveFrom = end - leaving[u];
            long moveFrom = leaveFrom - moving[u];
            for (long m = memberStart[u]; m < end; m++) {
                if (m >= leaveFrom) {
                    all.add(steps.step(new LeaveUnion(Ids.member(m), draw.date(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 6, 30)))));
                } else if (m >= moveFrom) {
                    do {
                        target = (target + 1) % oldUnions.length;
                    } while (oldUnions[target] == u);
                    all.add(steps.step(new TransferMember(Ids.member(m), workplaces.union(oldUnions[target]).id(),
                            draw.date(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 6, 30)))));
                } else if (!workplaces.union(u).foundedOn().isAfter(EARLY)) {
                    stableMembers[stableCount++] = (int) m;
                }
            }
        }
        return all;
    }
}
