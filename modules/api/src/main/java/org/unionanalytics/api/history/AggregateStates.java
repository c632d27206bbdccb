package org.unionanalytics.api.history;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.Priority;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.FixedValueParameterResolver;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.unionanalytics.domain.AggregateTypes;
import org.unionanalytics.eventstore.EventStorage;

import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Parameter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An aggregate as its rules saw it after one of its versions, or at a moment: its events up to
 * there replayed through its own event-sourcing handlers into a fresh instance, and its fields
 * shown as they stand. This is the state the server decided the next command on.
 */
final class AggregateStates {

    /** The aggregates' own fields, whatever their visibility, dates as ISO text. */
    private static final ObjectMapper FIELDS = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY).build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /**
     * Inspecting an aggregate inspects its command handlers too, whose collaborators (the registries
     * the command side provides) are never called here: they resolve to nothing.
     */
    private static final ParameterResolverFactory HANDLERS_ONLY_READ = MultiParameterResolverFactory.ordered(
            ClasspathParameterResolverFactory.forClass(AggregateStates.class), new Unresolved());

    /** Last of the factories, so that payloads and the like resolve as usual. */
    @Priority(Priority.LAST)
    private static final class Unresolved implements ParameterResolverFactory {
        @Override
        public ParameterResolver<?> createInstance(Executable executable, Parameter[] parameters, int index) {
            return new FixedValueParameterResolver<>(null);
        }
    }

    private final EventStorage storage;
    private final Map<Class<?>, AggregateModel<?>> models = new ConcurrentHashMap<>();

    AggregateStates(EventStorage storage) {
        this.storage = storage;
    }

    /**
     * @param version the last version to apply; null for the latest
     * @param at      apply only events recorded at or before this moment; null for all
     * @return null when the aggregate has no event within those bounds
     */
    Map<String, Object> state(String aggregateId, Integer version, Instant at) {
        if (version != null && version < 0) {
            throw new IllegalArgumentException("version counts from 0, so " + version + " names no version");
        }
        List<TrackedEventMessage<?>> events = storage.historyOf(aggregateId)
                .filter(event -> version == null || ((DomainEventMessage<?>) event).getSequenceNumber() <= version)
                .filter(event -> at == null || !event.getTimestamp().isAfter(at))
                .toList();
        if (events.isEmpty()) {
            return null;
        }
        DomainEventMessage<?> last = (DomainEventMessage<?>) events.get(events.size() - 1);
        Map<String, Object> state = new HashMap<>();
        state.put("id", aggregateId);
        state.put("type", last.getType());
        state.put("version", last.getSequenceNumber());
        state.put("position", EventLog.position(events.get(events.size() - 1)));
        state.put("recordedAt", last.getTimestamp().atOffset(ZoneOffset.UTC));
        state.put("state", FIELDS.convertValue(replay(last.getType(), events), OBJECT));
        return state;
    }

    private Object replay(String type, List<TrackedEventMessage<?>> events) {
        Class<?> aggregate = AggregateTypes.BY_NAME.get(type);
        if (aggregate == null) {
            throw new IllegalStateException("the log holds events of an aggregate type this server does not know: " + type);
        }
        return replayAs(aggregate, events);
    }

    @SuppressWarnings("unchecked")
    private <T> T replayAs(Class<T> aggregate, List<TrackedEventMessage<?>> events) {
        AggregateModel<T> model = (AggregateModel<T>) models.computeIfAbsent(aggregate,
                type -> AnnotatedAggregateMetaModelFactory.inspectAggregate(type, HANDLERS_ONLY_READ));
        T root = fresh(aggregate);
        events.forEach(event -> model.publish(event, root));
        return root;
    }

    /** Event-sourced aggregates have a no-argument constructor for this, often not a public one. */
    private static <T> T fresh(Class<T> aggregate) {
        try {
            var constructor = aggregate.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException | InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(aggregate.getSimpleName() + " cannot be created to replay its events", e);
        }
    }
}
