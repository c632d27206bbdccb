package org.unionanalytics.api.history;

/**
 * The next version each aggregate of the log expects, and its type, for millions of aggregates in
 * a few dozen megabytes: keyed by a 64-bit hash of the aggregate id, in open addressing. Two ids
 * sharing a hash (about one chance in ten million among four million aggregates) would be
 * reported as a version out of order, never missed.
 */
final class AggregateVersions {

    private long[] keys = new long[1 << 16];
    private int[] next = new int[keys.length];
    private int[] types = new int[keys.length];
    private int size;

    /** What the aggregate looked like before {@code version} of type {@code type}: its expected version and type. */
    record Seen(int expected, int type) {
    }

    /** Records an event and returns what was seen before it (expected version 0 and the same type for a new aggregate). */
    Seen record(String aggregateId, long version, String type) {
        long key = hash(aggregateId);
        int typeHash = type.hashCode();
        int slot = find(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            next[slot] = (int) version + 1;
            types[slot] = typeHash;
            if (++size * 2 > keys.length) {
                grow();
            }
            return new Seen(0, typeHash);
        }
        Seen seen = new Seen(next[slot], types[slot]);
        next[slot] = Math.max(next[slot], (int) version + 1);
        return seen;
    }

    int size() {
        return size;
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ key >>> 32) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = slot + 1 & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldNext = next;
        int[] oldTypes = types;
        keys = new long[oldKeys.length * 2];
        next = new int[keys.length];
        types = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                next[slot] = oldNext[i];
                types[slot] = oldTypes[i];
            }
        }
    }

    /** FNV-1a over the id's characters, never 0 (0 marks a free slot). */
    private static long hash(String id) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < id.length(); i++) {
            hash = (hash ^ id.charAt(i)) * 0x100000001b3L;
        }
        return hash == 0 ? 1 : hash;
    }
}
