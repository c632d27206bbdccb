package org.unionanalytics.app;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecentAggregatesTest {

    @Test
    void the_aggregate_used_longest_ago_makes_room_for_a_new_one() {
        RecentAggregates kept = new RecentAggregates(2);
        kept.put("proposal-1", "first");
        kept.put("proposal-2", "second");
        assertThat((Object) kept.get("proposal-1")).isEqualTo("first");
        kept.put("proposal-3", "third");

        assertThat(kept.containsKey("proposal-2")).isFalse();
        assertThat((Object) kept.get("proposal-1")).isEqualTo("first");
        assertThat((Object) kept.get("proposal-3")).isEqualTo("third");
    }

    @Test
    void listeners_hear_of_every_change_and_of_what_made_room() {
        RecentAggregates kept = new RecentAggregates(1);
        List<String> heard = new ArrayList<>();
        var registration = kept.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }
        });
        kept.put("union-a", 1);
        kept.computeIfPresent("union-a", (Integer version) -> version + 1);
        kept.put("union-b", 1);
        kept.remove("union-b");
        registration.cancel();
        kept.put("union-c", 1);

        assertThat(heard).containsExactly("created union-a", "updated union-a", "expired union-a", "created union-b",
                "removed union-b");
    }

    @Test
    void a_value_is_made_only_when_none_is_kept() {
        RecentAggregates kept = new RecentAggregates(4);
        assertThat(kept.computeIfAbsent("keyproject-1", () -> "made")).isEqualTo("made");
        assertThat(kept.computeIfAbsent("keyproject-1", () -> "made again")).isEqualTo("made");
        assertThat(kept.putIfAbsent("keyproject-1", "other")).isFalse();
        assertThat(kept.putIfAbsent("keyproject-2", "other")).isTrue();
    }
}
