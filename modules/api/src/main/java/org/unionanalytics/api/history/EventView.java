package org.unionanalytics.api.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.CommandLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * A stored event as the {@code Event} type shows it: its data as the store holds it, and where it
 * came from. Each field is worked out only when a client selects it: a feed of positions and types
 * never decodes data or metadata.
 */
public final class EventView {

    /** Amounts stay exact: decimals are read as BigDecimal, never as double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    /** Axon's names: its correlation id is the id of the message that caused an event, its trace id the first of the chain. */
    private static final String AXON_PARENT = "correlationId";
    private static final String AXON_ROOT = "traceId";

    private final TrackedEventMessage<?> tracked;
    private final DomainEventMessage<?> event;
    private final Serializer serializer;

    EventView(TrackedEventMessage<?> tracked, Serializer serializer) {
        this.tracked = tracked;
        this.event = (DomainEventMessage<?>) tracked;
        this.serializer = serializer;
    }

    public long position() {
        return EventLog.position(tracked);
    }

    public String id() {
        return event.getIdentifier();
    }

    public String type() {
        return payload().getType().getName();
    }

    public String aggregateType() {
        return event.getType();
    }

    public String aggregateId() {
        return event.getAggregateIdentifier();
    }

    public long version() {
        return event.getSequenceNumber();
    }

    public OffsetDateTime recordedAt() {
        return event.getTimestamp().atOffset(ZoneOffset.UTC);
    }

    public Map<String, Object> data() {
        try {
            return JSON.readValue(payload().getData(), OBJECT);
        } catch (IOException e) {
            throw new UncheckedIOException("the data of event " + event.getIdentifier() + " is not JSON", e);
        }
    }

    public Map<String, Object> metadata() {
        return new HashMap<>(event.getMetaData());
    }

    public Object commandId() {
        return event.getMetaData().get(CommandLog.COMMAND_ID);
    }

    public Object actor() {
        return event.getMetaData().get(CommandLog.ACTOR);
    }

    public Object causationId() {
        return event.getMetaData().get(AXON_PARENT);
    }

    public Object correlationId() {
        return event.getMetaData().get(AXON_ROOT);
    }

    /** The payload as stored: the message keeps its serialized form, so nothing is decoded to get it. */
    private SerializedObject<byte[]> payload() {
        return event.serializePayload(serializer, byte[].class);
    }
}
