package org.unionanalytics.api.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the values used last, up to a number: what the API works out once per distinct query. */
final class LastUsed<K, V> {

    private final Map<K, V> entries;

    LastUsed(int kept) {
        entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > kept;
            }
        });
    }

    /** The kept value, or null. */
    V get(K key) {
        return entries.get(key);
    }

    void put(K key, V value) {
        entries.put(key, value);
    }
}
