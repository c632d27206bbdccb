package org.unionanalytics.domain;

import org.axonframework.eventsourcing.snapshotting.RevisionSnapshotFilter;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.unionanalytics.domain.competition.Competition;
import org.unionanalytics.domain.enterprise.Enterprise;
import org.unionanalytics.domain.keyproject.KeyProject;
import org.unionanalytics.domain.membership.Membership;
import org.unionanalytics.domain.proposal.Proposal;
import org.unionanalytics.domain.union.Union;

import java.util.Map;

/** The event-sourced aggregates, by the type name their events are stored with (the class's simple name, Axon's default). */
public final class AggregateTypes {

    public static final Map<String, Class<?>> BY_NAME = Map.of(
            "Enterprise", Enterprise.class,
            "Union", Union.class,
            "Membership", Membership.class,
            "KeyProject", KeyProject.class,
            "Competition", Competition.class,
            "Proposal", Proposal.class);

    /**
     * The snapshots a store may load an aggregate from: for an aggregate with a {@link Revision}, those
     * written in the shape it names now. Any other (an earlier build's) is passed over, and the aggregate is
     * rebuilt from its events and snapshotted afresh, rather than loaded with state it lacks.
     */
    public static SnapshotFilter snapshotsInTheirCurrentShape() {
        SnapshotFilter allowed = SnapshotFilter.allowAll();
        for (var type : BY_NAME.entrySet()) {
            Revision revision = type.getValue().getAnnotation(Revision.class);
            if (revision != null) {
                allowed = allowed.combine(RevisionSnapshotFilter.builder().type(type.getKey()).revision(revision.value()).build());
            }
        }
        return allowed;
    }

    private AggregateTypes() {
    }
}
