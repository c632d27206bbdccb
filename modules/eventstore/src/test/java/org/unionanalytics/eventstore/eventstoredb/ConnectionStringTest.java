package org.unionanalytics.eventstore.eventstoredb;

import io.kurrent.dbclient.KurrentDBClientSettings;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.NodePreference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The connection strings the README and docker/compose.cluster.yml give mean what they say. */
class ConnectionStringTest {

    @Test
    void the_cluster_string_names_three_gossip_seeds_and_writes_to_the_leader() {
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow(
                "kurrentdb+discover://node1:2113,node2:2113,node3:2113?tls=false&nodePreference=leader");
        assertThat(settings.getHosts()).hasSize(3);
        assertThat(settings.getNodePreference()).isEqualTo(NodePreference.LEADER);
        assertThat(settings.isTls()).isFalse();
    }

    @Test
    void the_default_string_is_one_local_node_without_tls() {
        KurrentDBClientSettings settings = KurrentDBConnectionString.parseOrThrow("kurrentdb://localhost:2113?tls=false");
        assertThat(settings.getHosts()).hasSize(1);
        assertThat(settings.isTls()).isFalse();
    }
}
