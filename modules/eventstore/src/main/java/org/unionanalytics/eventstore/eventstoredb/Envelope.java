package org.unionanalytics.eventstore.eventstoredb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What an Axon event needs beyond EventStoreDB's own fields, kept in the event's metadata: the
 * aggregate type, sequence number, time, payload revision and Axon's metadata. The event id, type
 * (the payload's stored name) and data (the payload's JSON) go into EventStoreDB's fields.
 */
final class Envelope {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Envelope() {
    }

    static byte[] metadata(DomainEventMessage<?> event, SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) {
        try {
            ObjectNode envelope = JSON.createObjectNode();
            envelope.put("aggregateType", event.getType());
            envelope.put("sequence", event.getSequenceNumber());
            envelope.put("timestamp", event.getTimestamp().toString());
            envelope.put("payloadRevision", payload.getType().getRevision());
            envelope.set("metaData", JSON.readTree(metaData.getData()));
            return JSON.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GenericDomainEventEntry<byte[]> entry(String streamId, String eventId, String eventType, byte[] data,
                                                 byte[] userMetadata) {
        try {
            JsonNode envelope = JSON.readTree(userMetadata);
            JsonNode revision = envelope.path("payloadRevision");
            return new GenericDomainEventEntry<>(envelope.path("aggregateType").asText(), streamId,
                    envelope.path("sequence").asLong(), eventId, Instant.parse(envelope.path("timestamp").asText()),
                    eventType, revision.isNull() || revision.isMissingNode() ? null : revision.asText(), data,
                    JSON.writeValueAsString(envelope.path("metaData")).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("an event of stream " + streamId + " has unreadable metadata", e);
        }
    }
}
