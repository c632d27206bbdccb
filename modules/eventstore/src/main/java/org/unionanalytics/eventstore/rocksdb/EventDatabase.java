package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RocksDB database behind the embedded event store and its column families:
 * events by global position, an index of aggregate sequence numbers, the latest snapshot per
 * aggregate, commit times (for tokens at a moment) and client command ids.
 */
final class EventDatabase implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    final RocksDB db;
    final ColumnFamilyHandle events;
    final ColumnFamilyHandle aggregates;
    final ColumnFamilyHandle snapshots;
    final ColumnFamilyHandle recordedAt;
    final ColumnFamilyHandle commands;
    private final List<ColumnFamilyHandle> handles = new ArrayList<>();
    private final DBOptions options;
    private final ColumnFamilyOptions compressed;
    private final BloomFilter bloom = new BloomFilter(10);
    private final ColumnFamilyOptions lookedUp;

    EventDatabase(Path directory) {
        try {
            Files.createDirectories(directory);
            options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(2);
            compressed = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION);
            // families read by whole key, mostly for keys not there yet (the writer checks that every
            // event's slot and every command id is free; an import, which commands it already ran):
            // a Bloom filter per table file answers those without reading the file (import +6%)
            lookedUp = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION)
                    .setTableFormatConfig(new BlockBasedTableConfig().setFilterPolicy(bloom));
            List<ColumnFamilyDescriptor> descriptors = List.of(
                    new ColumnFamilyDescriptor(RocksDB.DEFAULT_COLUMN_FAMILY),
                    new ColumnFamilyDescriptor(Keys.utf8("events"), compressed),
                    new ColumnFamilyDescriptor(Keys.utf8("aggregates"), lookedUp),
                    new ColumnFamilyDescriptor(Keys.utf8("snapshots"), lookedUp),
                    new ColumnFamilyDescriptor(Keys.utf8("recorded-at")),
                    new ColumnFamilyDescriptor(Keys.utf8("commands"), lookedUp));
            db = RocksDB.open(options, directory.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            throw new EventStoreException(explain(directory, e), e);
        } catch (java.io.IOException e) {
            throw new EventStoreException("cannot create the event store directory " + directory + ": " + e, e);
        }
        events = handles.get(1);
        aggregates = handles.get(2);
        snapshots = handles.get(3);
        recordedAt = handles.get(4);
        commands = handles.get(5);
    }

    private static String explain(Path directory, RocksDBException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("lock")) {
            return "the event store in " + directory + " is in use by another process (one server per data directory): " + message;
        }
        return "cannot open the event store in " + directory + ": " + message;
    }

    /** The position of the last event on disk, 0 for an empty store. */
    long lastPosition() {
        try (RocksIterator it = db.newIterator(events)) {
            it.seekToLast();
            return it.isValid() ? Keys.position(it.key()) : 0;
        }
    }

    byte[] get(ColumnFamilyHandle family, byte[] key) {
        try {
            return db.get(family, key);
        } catch (RocksDBException e) {
            throw new EventStoreException("reading the event store failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        compressed.close();
        lookedUp.close();
        bloom.close();
    }
}
