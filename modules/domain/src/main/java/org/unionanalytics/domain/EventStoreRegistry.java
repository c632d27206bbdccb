package org.unionanalytics.domain;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseFacts;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistry;
import org.unionanalytics.domain.keyproject.KeyProjectRegistry;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.membership.MemberLeft;
import org.unionanalytics.domain.membership.MemberRegistry;
import org.unionanalytics.domain.membership.MemberTransferred;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.shared.StoredAggregates;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Answers the look-ups of cross-aggregate rules by folding the other aggregate's events.
 * It reads without taking the aggregate's lock: a rule such as "the parent is active" is checked
 * against the committed history plus this unit of work's own staged events.
 */
public class EventStoreRegistry implements UnionRegistry, MemberRegistry, KeyProjectRegistry, EnterpriseRegistry {

    private final EventStore events;
    private final StoredAggregates stored;

    public EventStoreRegistry(EventStore events, StoredAggregates stored) {
        this.events = events;
        this.stored = stored;
    }

    @Override
    public Optional<UnionFacts> findUnion(String unionId) {
        return Optional.ofNullable(fold(unionId, (UnionFacts facts, Object event) -> {
            if (event instanceof UnionEstablished e) {
                return new UnionFacts(e.unionId(), e.kind(), e.district(), e.foundedOn(), null);
            }
            if (event instanceof UnionDissolved d && facts != null) {
                return new UnionFacts(facts.unionId(), facts.kind(), facts.district(), facts.foundedOn(), d.dissolvedOn());
            }
            return facts;
        }));
    }

    /** A member's steps are dated in order, so those after the day are the ones left out. */
    @Override
    public Optional<String> unionOn(String memberId, LocalDate day) {
        return Optional.ofNullable(fold(memberId, (String union, Object event) -> {
            if (event instanceof MemberJoined joined && !joined.joinedOn().isAfter(day)) {
                return joined.unionId();
            }
            if (event instanceof MemberTransferred transferred && !transferred.transferredOn().isAfter(day)) {
                return transferred.toUnionId();
            }
            return event instanceof MemberLeft left && !left.leftOn().isAfter(day) ? null : union;
        }));
    }

    @Override
    public Set<String> joinedBefore(Collection<String> memberIds) {
        return stored.amongStored(memberIds);
    }

    @Override
    public boolean isKeyProject(String keyProjectId) {
        return isRecorded(keyProjectId, Ids.KEY_PROJECT);
    }

    @Override
    public boolean isEnterprise(String enterpriseId) {
        return isRecorded(enterpriseId, Ids.ENTERPRISE);
    }

    @Override
    public Optional<EnterpriseFacts> findEnterprise(String enterpriseId) {
        return Optional.ofNullable(fold(enterpriseId, (EnterpriseFacts facts, Object event) -> {
            if (event instanceof EnterpriseRegistered e) {
                return new EnterpriseFacts(e.enterpriseId(), e.registeredOn(), null);
            }
            if (event instanceof EnterpriseDeregistered d && facts != null) {
                return new EnterpriseFacts(facts.enterpriseId(), facts.registeredOn(), d.deregisteredOn());
            }
            return facts;
        }));
    }

    /** Ids carry their aggregate's type, and an aggregate's first event records it. */
    private boolean isRecorded(String id, String type) {
        return Ids.isOfType(id, type) && !stored.amongStored(List.of(id)).isEmpty();
    }

    private <T> T fold(String aggregateId, BiFunction<T, Object, T> step) {
        T state = null;
        var stream = events.readEvents(aggregateId);
        while (stream.hasNext()) {
            EventMessage<?> event = stream.next();
            state = step.apply(state, event.getPayload());
        }
        return state;
    }
}
