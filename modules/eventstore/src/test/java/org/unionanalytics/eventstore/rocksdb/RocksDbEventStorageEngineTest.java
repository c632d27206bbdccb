package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionanalytics.eventstore.EventStorage;
import org.unionanalytics.eventstore.EventStorageEngineContract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RocksDbEventStorageEngineTest extends EventStorageEngineContract {

    @TempDir
    Path directory;

    @Override
    protected EventStorage openEmpty() {
        return openAgain();
    }

    @Override
    protected EventStorage openAgain() {
        return RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).snapshotFilter(SNAPSHOT_FILTER).build();
    }

    @Test
    void a_closed_store_leaves_no_log_to_read_back_at_the_next_start() throws IOException {
        engine.appendEvents(event("note-a", 0, "one"), event("note-b", 0, "other"));
        engine.appendEvents(event("note-a", 1, "two"));
        storage.close();
        assertThat(logBytes()).isZero();
        use(openAgain());
        assertThat(texts("note-a")).containsExactly("one", "two");
    }

    /** RocksDB's write-ahead log files, which a start replays into memory before anything is read. */
    private long logBytes() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".log")).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** Past 31,000 events a stream reads 20,000 at a time, ahead and around the block cache: the same events either way. */
    @Test
    void a_long_read_takes_every_event_once_in_order_through_its_growing_batches() {
        for (int first = 0; first < 70_000; first += 10_000) {
            int from = first;
            engine.appendEvents(IntStream.range(from, from + 10_000).mapToObj(i -> event("note-long", i, Integer.toString(i))).toList());
        }

        assertThat(positions(null)).hasSize(70_000).isEqualTo(LongStream.rangeClosed(1, 70_000).boxed().toList());
        assertThat(positions(storage.tokenAfter(45_000))).isEqualTo(LongStream.rangeClosed(45_001, 70_000).boxed().toList());
        try (var log = engine.readEvents(null, false)) {
            assertThat(log.limit(100).map(event -> ((Noted) event.getPayload()).text()))
                    .containsExactlyElementsOf(IntStream.range(0, 100).mapToObj(Integer::toString).toList());
        }
    }

    private List<Long> positions(TrackingToken after) {
        try (var log = engine.readEvents(after, false)) {
            return log.map(event -> event.trackingToken().position().orElseThrow()).toList();
        }
    }

    @Test
    void a_second_server_on_the_same_data_directory_is_refused_clearly() {
        assertThatThrownBy(() -> RocksDbEventStorageEngine.builder().directory(directory).eventSerializer(SERIALIZER)
                .snapshotSerializer(SERIALIZER).build())
                .isInstanceOf(EventStoreException.class)
                .hasMessageContaining("in use by another process");
    }
}
