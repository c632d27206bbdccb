package org.unionanalytics.eventstore.eventstoredb;

import org.junit.jupiter.api.BeforeAll;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.EventStorageEngineContract;

import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The storage contract against a real EventStoreDB / KurrentDB node or cluster, given as a
 * connection string in {@code UA_TEST_EVENTSTOREDB} (for example
 * {@code kurrentdb://localhost:2113?tls=false}); skipped without it. Each test works in a
 * namespace of its own, so the node need not be empty and runs do not see each other.
 */
class EventStoreDbStorageTest extends EventStorageEngineContract {

    private static final String CONNECTION = System.getenv("UA_TEST_EVENTSTOREDB");
    private String namespace;

    private static final String SKIPPED = "EventStoreDB contract tests skipped: set UA_TEST_EVENTSTOREDB to a connection "
            + "string such as kurrentdb://localhost:2113?tls=false to run them against a real node";

    @BeforeAll
    static void sayWhetherTheyRun() {
        if (CONNECTION == null || CONNECTION.isBlank()) {
            System.out.println(SKIPPED);
        }
    }

    @Override
    protected EventStorage openEmpty() {
        assumeTrue(CONNECTION != null && !CONNECTION.isBlank(), SKIPPED);
        namespace = "t" + UUID.randomUUID().toString().replace("-", "") + "-";
        return openAgain();
    }

    @Override
    protected EventStorage openAgain() {
        return EventStoreDbStorage.connect(CONNECTION, namespace, SERIALIZER, SERIALIZER, SNAPSHOT_FILTER);
    }
}
