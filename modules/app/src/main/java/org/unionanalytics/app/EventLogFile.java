package org.unionanalytics.app;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * One event of the log as a line of NDJSON: everything a store needs to hold it again, with the
 * payload as the JSON the store kept (under its stored type name), not as a Java object.
 *
 * <pre>{"position":1,"eventId":"…","aggregateType":"Enterprise","aggregateId":"enterprise-…","sequence":0,
 *  "timestamp":"2026-…Z","payloadType":"EnterpriseRegistered","payloadRevision":null,"payload":{…},"metaData":{…}}</pre>
 */
final class EventLogFile {

    /** Numbers are kept exactly as stored: money must not pass through a double. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true)).build();

    private EventLogFile() {
    }

    static String line(TrackedEventMessage<?> tracked, Serializer serializer) throws IOException {
        if (!(tracked instanceof DomainEventMessage<?> event)) {
            throw new IllegalStateException("event " + tracked.getIdentifier() + " belongs to no aggregate; "
                    + "this server writes only aggregate events");
        }
        var payload = event.serializePayload(serializer, byte[].class);
        ObjectNode line = JSON.createObjectNode();
        line.put("position", tracked.trackingToken().position().orElseThrow());
        line.put("eventId", event.getIdentifier());
        line.put("aggregateType", event.getType());
        line.put("aggregateId", event.getAggregateIdentifier());
        line.put("sequence", event.getSequenceNumber());
        line.put("timestamp", event.getTimestamp().toString());
        line.put("payloadType", payload.getType().getName());
        line.put("payloadRevision", payload.getType().getRevision());
        line.set("payload", JSON.readTree(payload.getData()));
        line.set("metaData", JSON.valueToTree(event.getMetaData()));
        return JSON.writeValueAsString(line);
    }

    /** The event a line describes, with its original id, sequence number, time and metadata. */
    static DomainEventMessage<?> event(String text, Serializer serializer) throws IOException {
        JsonNode line = JSON.readTree(text);
        String revision = line.path("payloadRevision").isNull() ? null : line.path("payloadRevision").asText(null);
        Object payload = serializer.deserialize(new SimpleSerializedObject<>(JSON.writeValueAsBytes(line.path("payload")),
                byte[].class, required(line, "payloadType"), revision));
        Map<String, Object> metaData = JSON.convertValue(line.path("metaData"), JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, Object.class));
        return new GenericDomainEventMessage<>(required(line, "aggregateType"), required(line, "aggregateId"),
                line.path("sequence").asLong(), payload, MetaData.from(metaData), required(line, "eventId"),
                Instant.parse(required(line, "timestamp")));
    }

    private static String required(JsonNode line, String field) {
        JsonNode value = line.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new IllegalArgumentException("an exported event lacks its " + field + ": " + line);
        }
        return value.asText();
    }
}
