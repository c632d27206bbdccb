package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One event as the embedded store keeps it: Axon's serialized form plus the moment the store
 * committed it ({@code recordedAt}, which never goes backwards, unlike the events' own timestamps).
 * The encoding is a plain length-prefixed layout, led by a format version byte.
 */
record StoredEvent(String eventIdentifier, String type, String aggregateIdentifier, long sequenceNumber,
                   Instant timestamp, long recordedAtMillis, String payloadType, String payloadRevision,
                   byte[] payloadBytes, byte[] metaDataBytes) implements DomainEventData<byte[]> {

    private static final byte FORMAT = 1;

    byte[] encode() {
        byte[][] strings = {utf8(eventIdentifier), utf8(type), utf8(aggregateIdentifier), utf8(payloadType),
                utf8(payloadRevision)};
        int size = 1 + 8 + 8 + 4 + 8 + 4 + payloadBytes.length + 4 + metaDataBytes.length;
        for (byte[] s : strings) {
            size += 4 + (s == null ? 0 : s.length);
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(FORMAT);
        putBytes(out, strings[0]);
        putBytes(out, strings[1]);
        putBytes(out, strings[2]);
        out.putLong(sequenceNumber).putLong(timestamp.getEpochSecond()).putInt(timestamp.getNano())
                .putLong(recordedAtMillis);
        putBytes(out, strings[3]);
        putBytes(out, strings[4]);
        putBytes(out, payloadBytes);
        putBytes(out, metaDataBytes);
        return out.array();
    }

    static StoredEvent decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte format = in.get();
        if (format != FORMAT) {
            throw new IllegalStateException("event record in unknown format " + format + "; is this store newer than the server?");
        }
        String eventId = string(in);
        String type = string(in);
        String aggregateId = string(in);
        long sequence = in.getLong();
        Instant timestamp = Instant.ofEpochSecond(in.getLong(), in.getInt());
        long recordedAt = in.getLong();
        return new StoredEvent(eventId, type, aggregateId, sequence, timestamp, recordedAt, string(in), string(in),
                bytes(in), bytes(in));
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SimpleSerializedObject<>(metaDataBytes, byte[].class, "org.axonframework.messaging.MetaData", null);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(payloadBytes, byte[].class, payloadType, payloadRevision);
    }

    private static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putBytes(ByteBuffer out, byte[] b) {
        out.putInt(b == null ? -1 : b.length);
        if (b != null) {
            out.put(b);
        }
    }

    private static byte[] bytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0) {
            return null;
        }
        byte[] b = new byte[length];
        in.get(b);
        return b;
    }

    private static String string(ByteBuffer in) {
        byte[] b = bytes(in);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }
}
