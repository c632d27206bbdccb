package org.unionanalytics.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BatchFriendlyEventStoreTest {

    private final BatchFriendlyEventStore store = BatchFriendlyEventStore.create(EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()));

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void an_aggregate_loaded_in_a_unit_of_work_sees_its_own_staged_events_in_order_and_no_others() {
        inUnitOfWork(() -> {
            store.publish(event("member-1", 0), event("member-2", 0));
            assertThat(payloads("member-1")).containsExactly("member-1#0");
            store.publish(event("member-1", 1));
            assertThat(payloads("member-1")).containsExactly("member-1#0", "member-1#1");
            assertThat(payloads("member-2")).containsExactly("member-2#0");
            assertThat(payloads("member-3")).isEmpty();
        });
    }

    @Test
    void a_nested_unit_of_work_sees_its_parents_events_and_its_own_once() {
        inUnitOfWork(() -> {
            UnitOfWork<?> nested = nestedAfterOneEventEach();
            assertThat(payloads("union-1")).containsExactly("union-1#0", "union-1#1");
            nested.onPrepareCommit(u -> assertThat(payloads("union-1")).containsExactly("union-1#0", "union-1#1"));
            nested.commit();
            assertThat(payloads("union-1")).containsExactly("union-1#0", "union-1#1");
        });
    }

    @Test
    void the_events_of_a_rolled_back_nested_unit_of_work_are_gone() {
        inUnitOfWork(() -> {
            nestedAfterOneEventEach().rollback();
            assertThat(payloads("union-1")).containsExactly("union-1#0");
        });
    }

    /** union-1#0 staged in the current unit of work, then union-1#1 in a nested one, which is returned. */
    private UnitOfWork<?> nestedAfterOneEventEach() {
        store.publish(event("union-1", 0));
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(null);
        store.publish(event("union-1", 1));
        return nested;
    }

    private void inUnitOfWork(Runnable work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            work.run();
        } finally {
            unitOfWork.rollback();
        }
    }

    private List<Object> payloads(String aggregate) {
        return store.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload).map(Object.class::cast).toList();
    }

    private static DomainEventMessage<String> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, aggregate + "#" + sequence);
    }
}
