package org.unionanalytics.eventstore.eventstoredb;

import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class NamespaceTest {

    private static boolean read(String namespace, String stream) {
        return Pattern.compile(EventStoreDbStorage.aggregateStreams(namespace)).matcher(stream).lookingAt();
    }

    @Test
    void trackers_read_aggregate_streams_and_skip_system_snapshot_and_command_streams() {
        assertThat(read("", "union-000001")).isTrue();
        assertThat(read("", "member-00000042")).isTrue();
        assertThat(read("", "$stats-127.0.0.1:2113")).isFalse();
        assertThat(read("", "$$union-000001")).isFalse();
        assertThat(read("", "ua-snapshot-competition-1")).isFalse();
        assertThat(read("", "ua-command-ref-1-1.0-1-0")).isFalse();
    }

    @Test
    void a_namespace_reads_its_own_streams_only_even_when_it_holds_regex_characters() {
        assertThat(read("ningbo.prod-", "ningbo.prod-union-000001")).isTrue();
        assertThat(read("ningbo.prod-", "ningboXprod-union-000001")).isFalse();
        assertThat(read("ningbo.prod-", "union-000001")).isFalse();
        assertThat(read("ningbo.prod-", "ningbo.prod-ua-command-x")).isFalse();
    }

    @Test
    void axon_identifiers_keep_their_uuid_and_others_get_a_stable_one() {
        String uuid = "39ced74f-dae1-4365-917d-2fb7d9011072";
        assertThat(EventStoreDbStorage.eventId(uuid)).hasToString(uuid);
        assertThat(EventStoreDbStorage.eventId("not-a-uuid")).isEqualTo(EventStoreDbStorage.eventId("not-a-uuid"));
    }
}
