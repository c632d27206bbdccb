package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The RocksDB database behind the embedded event store and its column families:
 * events by global position, an index of aggregate sequence numbers, the latest snapshot per
 * aggregate, commit times (for tokens at a moment: one entry per group commit, at its first
 * position) and client command ids.
 */
final class EventDatabase implements AutoCloseable {

    static {
        RocksDB.loadLibrary();
    }

    private static final Logger log = LoggerFactory.getLogger(EventDatabase.class);
    private static final long MAX_LOG_BYTES = 128L << 20;

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
    /**
     * For long reads of the log (a rebuild, a read model catching up): reads ahead in large steps
     * and leaves the block cache to the look-ups. Scanning the 5.8 million events of
     * the reference history took 3.8-4.1 s of CPU this way against 5.2-6.2 s (BENCHMARKS.md, run 32).
     */
    final ReadOptions scan = new ReadOptions().setReadaheadSize(2L << 20).setFillCache(false);

    EventDatabase(Path directory) {
        try {
            Files.createDirectories(directory);
            // A log file is deleted only once every family written in it is flushed; the small families
            // (commands, commit times) fill their memory tables slowly and kept some 350 MB of log alive
            // after a full import, read back at the next start. Past this size RocksDB flushes them.
            options = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                    .setMaxBackgroundJobs(2).setMaxTotalWalSize(MAX_LOG_BYTES);
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

    /**
     * Flushes the memory tables first, so that the next start reads no log: replaying the log of an
     * import took 2.3 s of CPU at the next start. Should the flush fail, the log still holds everything.
     */
    @Override
    public void close() {
        try (FlushOptions wait = new FlushOptions().setWaitForFlush(true)) {
            db.flush(wait, handles);
        } catch (RocksDBException e) {
            log.warn("The event store could not flush its memory tables on closing ({}); the next start reads them back from its log", e.getMessage());
        }
        handles.forEach(ColumnFamilyHandle::close);
        db.close();
        options.close();
        compressed.close();
        lookedUp.close();
        bloom.close();
        scan.close();
    }
}
