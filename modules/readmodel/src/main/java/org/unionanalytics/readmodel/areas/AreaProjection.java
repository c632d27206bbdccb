package org.unionanalytics.readmodel.areas;

import org.unionanalytics.readmodel.batch.BatchWriter;
import org.unionanalytics.readmodel.batch.Spells;
import org.unionanalytics.readmodel.batch.StagedWrite;
import org.unionanalytics.readmodel.projection.Projection;
import org.unionanalytics.readmodel.projection.Recorded;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One batch's share of the township figures: the events are collected as the batch is staged, and
 * handed to the long-lived {@link TownshipFigures} when it is written, last, once the membership
 * spells have counted the batch's changes of members (some of which only the stored spells know).
 */
public final class AreaProjection implements Projection, StagedWrite, Spells.DayChanges {

    private final TownshipFigures figures;
    private final List<Object> events = new ArrayList<>();
    private final List<Object[]> members = new ArrayList<>();

    public AreaProjection(TownshipFigures figures) {
        this.figures = figures;
    }

    @Override
    public void apply(Object event, Recorded recorded) {
        events.add(event);
    }

    @Override
    public void changed(String unionId, LocalDate on, int delta) {
        members.add(new Object[]{unionId, on, delta});
    }

    @Override
    public List<StagedWrite> writes() {
        return List.of(this);
    }

    @Override
    public Set<String> flush(BatchWriter writer) throws SQLException {
        events.forEach(figures::apply);
        for (Object[] change : members) {
            figures.membersChanged((String) change[0], (LocalDate) change[1], (int) change[2]);
        }
        events.clear();
        members.clear();
        return figures.flush(writer);
    }
}
