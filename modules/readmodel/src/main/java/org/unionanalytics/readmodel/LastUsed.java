package org.unionanalytics.readmodel;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keeps the values used last, up to a number: what is worked out once per distinct question or query. */
public final class LastUsed<K, V> {

    private final Map<K, V> entries;

    public LastUsed(int kept) {
        entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > kept;
            }
        });
    }

    /** The kept value, or null. */
    public V get(K key) {
        return entries.get(key);
    }

    public void put(K key, V value) {
        entries.put(key, value);
    }
}
