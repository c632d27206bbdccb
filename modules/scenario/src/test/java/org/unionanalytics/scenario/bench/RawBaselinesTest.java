package org.unionanalytics.scenario.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.rocksdb.RocksDbEventStorageEngine;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RawBaselinesTest {

    // each round checks the first and the last key project it registered, and throws if Axon refused one

    @Test
    void axon_alone_runs_every_command_it_times_and_stores_its_event() throws Exception {
        double perSecond = RawBaselines.axonCommands(2, 500, 4, 16, InMemoryEventStorageEngine::new);

        assertThat(perSecond).isPositive().isFinite();
    }

    @Test
    void axon_on_the_embedded_store_stores_every_command_it_times_each_round_in_a_store_of_its_own(@TempDir Path scratch)
            throws Exception {
        var serializer = JacksonSerializer.builder().objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        AtomicInteger rounds = new AtomicInteger();

        double perSecond = RawBaselines.axonCommands(2, 500, 4, 16, () -> RocksDbEventStorageEngine.builder()
                .directory(scratch.resolve("round-" + rounds.incrementAndGet()))
                .eventSerializer(serializer).snapshotSerializer(serializer).build());

        assertThat(perSecond).isPositive().isFinite();
        assertThat(rounds).hasValue(2);
    }
}
