package org.unionanalytics.eventstore.rocksdb;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Key layouts of the column families. Big-endian longs keep RocksDB's byte order equal to numeric order. */
final class Keys {

    private Keys() {
    }

    static byte[] position(long position) {
        return ByteBuffer.allocate(8).putLong(position).array();
    }

    static long position(byte[] key) {
        return ByteBuffer.wrap(key).getLong();
    }

    /** Aggregate ids never contain a zero byte (ids are checked), so id + 0 is an unambiguous prefix. */
    static byte[] aggregatePrefix(String aggregateId) {
        byte[] id = aggregateId.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(id, id.length + 1);
    }

    static byte[] aggregateEvent(String aggregateId, long sequence) {
        byte[] prefix = aggregatePrefix(aggregateId);
        return ByteBuffer.allocate(prefix.length + 8).put(prefix).putLong(sequence).array();
    }

    static long sequenceOf(byte[] aggregateEventKey) {
        return ByteBuffer.wrap(aggregateEventKey, aggregateEventKey.length - 8, 8).getLong();
    }

    static boolean hasPrefix(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    static byte[] recordedAt(long millis, long position) {
        return ByteBuffer.allocate(16).putLong(millis).putLong(position).array();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
