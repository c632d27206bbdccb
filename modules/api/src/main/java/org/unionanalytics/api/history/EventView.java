package org.unionanalytics.api.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.CommandLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** A stored event as the {@code Event} type shows it: its data as the store holds it, and where it came from. */
final class EventView {

    /** Amounts stay exact: decimals are read as BigDecimal, never as double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** Axon's names: its correlation id is the id of the message that caused an event, its trace id the first of the chain. */
    private static final String AXON_PARENT = "correlationId";
    private static final String AXON_ROOT = "traceId";

    private EventView() {
    }

    static Map<String, Object> of(TrackedEventMessage<?> tracked, Serializer serializer) {
        DomainEventMessage<?> event = (DomainEventMessage<?>) tracked;
        var payload = event.serializePayload(serializer, byte[].class);
        Map<String, Object> view = new HashMap<>();
        view.put("position", EventLog.position(tracked));
        view.put("id", event.getIdentifier());
        view.put("type", payload.getType().getName());
        view.put("aggregateType", event.getType());
        view.put("aggregateId", event.getAggregateIdentifier());
        view.put("version", event.getSequenceNumber());
        view.put("recordedAt", event.getTimestamp().atOffset(ZoneOffset.UTC));
        view.put("data", parse(payload.getData()));
        view.put("metadata", new HashMap<>(event.getMetaData()));
        view.put("commandId", event.getMetaData().get(CommandLog.COMMAND_ID));
        view.put("causationId", event.getMetaData().get(AXON_PARENT));
        view.put("correlationId", event.getMetaData().get(AXON_ROOT));
        return view;
    }

    private static Map<String, Object> parse(byte[] json) {
        try {
            return JSON.readValue(json, OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored event's data is not JSON", e);
        }
    }
}
