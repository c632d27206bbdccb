package org.unionanalytics.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Axon's embedded event store, with the events staged in a unit of work collected in linear time.
 * Axon collects them with {@code List.contains} for every staged event, and does so again for every
 * aggregate loaded in the unit of work: a roster of n new members cost n³ steps (a 1,000-member
 * roster took seconds). Here each collection is one pass through a set.
 */
public class BatchFriendlyEventStore extends EmbeddedEventStore {

    /** The resource under which {@code AbstractEventBus} keeps a unit of work's staged events. */
    private final String stagedEventsKey = this + "_EVENTS";

    protected BatchFriendlyEventStore(Builder builder) {
        super(builder);
    }

    public static BatchFriendlyEventStore create(Builder builder) {
        return new BatchFriendlyEventStore(builder);
    }

    @Override
    protected List<EventMessage<?>> queuedMessages() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Collections.emptyList();
        }
        Set<EventMessage<?>> staged = new LinkedHashSet<>();
        collect(CurrentUnitOfWork.get(), staged);
        return new ArrayList<>(staged);
    }

    private void collect(UnitOfWork<?> unitOfWork, Set<EventMessage<?>> staged) {
        unitOfWork.parent().ifPresent(parent -> collect(parent, staged));
        if (!unitOfWork.isRolledBack()) {
            staged.addAll(unitOfWork.<List<EventMessage<?>>>getOrDefaultResource(stagedEventsKey, Collections.emptyList()));
        }
    }
}
