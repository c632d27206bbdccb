package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteOptions;
import org.unionanalytics.eventstore.EventStorage;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's event storage on an embedded RocksDB database: no server to run, durable at acknowledge,
 * one writer handing out a gapless global sequence (positions 1, 2, 3, ...).
 */
public class RocksDbEventStorageEngine extends AbstractEventStorageEngine implements EventStorage {

    private static final int READ_BATCH = 1_000;
    /**
     * The largest batch, reached by doubling from {@link #READ_BATCH} while a stream keeps reading
     * (a rebuild, a read model catching up): one iterator for many events. A stream that takes a page
     * reads one small batch; a first batch of 20,000 made a page of the event log four times slower.
     */
    private static final int CATCH_UP_BATCH = 20_000;
    /** Events of an aggregate read by point reads before an iterator takes over. */
    private static final int POINT_READS = 4;

    private final Path directory;
    private final EventDatabase database;
    private final GroupCommitWriter writer;
    private volatile long committed;

    private RocksDbEventStorageEngine(Builder builder) {
        super(builder);
        this.directory = builder.directory;
        this.database = new EventDatabase(builder.directory);
        this.writer = new GroupCommitWriter(database, position -> committed = position);
        this.committed = writer.lastPosition();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public EventStorageEngine engine() {
        return this;
    }

    /** Position of the last durable event; 0 while the store is empty. */
    @Override
    public long lastPosition() {
        return committed;
    }

    @Override
    public TrackingToken tokenAfter(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    @Override
    public String describe() {
        return "the embedded event store in " + directory;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        Map<MetaData, byte[]> metaData = new HashMap<>();
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            stored.add(serialize(event, serializer, metaData));
        }
        writer.append(stored, EventStorage.commandIdOf(events));
    }

    @Override
    public void appendCommands(List<? extends List<? extends EventMessage<?>>> commands) {
        List<List<StoredEvent>> stored = new ArrayList<>(commands.size());
        List<String> commandIds = new ArrayList<>(commands.size());
        for (List<? extends EventMessage<?>> events : commands) {
            Map<MetaData, byte[]> metaData = new HashMap<>();
            stored.add(events.stream().map(event -> serialize(event, getEventSerializer(), metaData)).toList());
            commandIds.add(EventStorage.commandIdOf(events));
        }
        writer.appendAll(stored, commandIds);
    }

    /**
     * @param metaData the meta-data already serialized in this append: the events of one command
     *                 carry the same (its id and correlation), and a roster has thousands of events
     */
    private static StoredEvent serialize(EventMessage<?> event, Serializer serializer, Map<MetaData, byte[]> metaData) {
        var payload = event.serializePayload(serializer, byte[].class);
        boolean domain = event instanceof DomainEventMessage<?>;
        DomainEventMessage<?> domainEvent = domain ? (DomainEventMessage<?>) event : null;
        return new StoredEvent(event.getIdentifier(), domain ? domainEvent.getType() : null,
                domain ? domainEvent.getAggregateIdentifier() : null, domain ? domainEvent.getSequenceNumber() : 0,
                event.getTimestamp(), 0, payload.getType().getName(), payload.getType().getRevision(),
                payload.getData(), metaData.computeIfAbsent(event.getMetaData(),
                        same -> event.serializeMetaData(serializer, byte[].class).getData()));
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        try (WriteOptions synced = new WriteOptions().setSync(true)) {
            database.db.put(database.snapshots, synced, Keys.utf8(snapshot.getAggregateIdentifier()),
                    serialize(snapshot, serializer, new HashMap<>()).encode());
        } catch (org.rocksdb.RocksDBException e) {
            throw new EventStoreException("storing a snapshot of " + snapshot.getAggregateIdentifier() + " failed", e);
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        byte[] value = database.get(database.snapshots, Keys.utf8(aggregateIdentifier));
        return value == null ? Stream.empty() : Stream.of(StoredEvent.decode(value));
    }

    /**
     * An aggregate's first few events are read one sequence number after another (the store refuses
     * gaps, so the first one missing is the end): point reads the Bloom filters answer cost less
     * than an iterator's seek through every table file, and a member has one to three events. A
     * longer history goes on with the iterator.
     */
    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<StoredEvent> found = new ArrayList<>();
        long sequence = firstSequenceNumber;
        for (; sequence < firstSequenceNumber + POINT_READS; sequence++) {
            byte[] position = database.get(database.aggregates, Keys.aggregateEvent(identifier, sequence));
            if (position == null) {
                return found.stream();
            }
            found.add(StoredEvent.decode(database.get(database.events, position)));
        }
        byte[] prefix = Keys.aggregatePrefix(identifier);
        try (RocksIterator it = database.db.newIterator(database.aggregates)) {
            for (it.seek(Keys.aggregateEvent(identifier, sequence)); it.isValid() && Keys.hasPrefix(it.key(), prefix); it.next()) {
                found.add(StoredEvent.decode(database.get(database.events, it.value())));
            }
        }
        return found.stream();
    }

    /** The aggregate's index holds the key of each of its events in the log, which is the event's position. */
    @Override
    public Stream<? extends TrackedEventData<?>> historyDataOf(String aggregateId) {
        byte[] prefix = Keys.aggregatePrefix(aggregateId);
        List<TrackedEventData<?>> found = new ArrayList<>();
        try (RocksIterator it = database.db.newIterator(database.aggregates)) {
            for (it.seek(Keys.aggregateEvent(aggregateId, 0)); it.isValid() && Keys.hasPrefix(it.key(), prefix); it.next()) {
                found.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(Keys.position(it.value())),
                        StoredEvent.decode(database.get(database.events, it.value()))));
            }
        }
        return found.stream();
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        // an aggregate's events start at 0: without it there are none, which the Bloom filter answers
        // for a new aggregate without the iterator's look into every table file
        if (database.get(database.aggregates, Keys.aggregateEvent(aggregateIdentifier, 0)) == null) {
            return Optional.empty();
        }
        try (RocksIterator it = database.db.newIterator(database.aggregates)) {
            it.seekForPrev(Keys.aggregateEvent(aggregateIdentifier, Long.MAX_VALUE));
            return it.isValid() && Keys.hasPrefix(it.key(), Keys.aggregatePrefix(aggregateIdentifier))
                    ? Optional.of(Keys.sequenceOf(it.key())) : Optional.empty();
        }
    }

    /**
     * An aggregate's events start at 0, so its first slot tells: one point read each, which the Bloom
     * filters answer for most aggregates not stored yet (no iterator, unlike lastSequenceNumberFor).
     */
    @Override
    public Set<String> amongStored(Collection<String> aggregateIds) {
        Set<String> stored = new HashSet<>();
        for (String id : aggregateIds) {
            if (database.get(database.aggregates, Keys.aggregateEvent(id, 0)) != null) {
                stored.add(id);
            }
        }
        return stored;
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long after = trackingToken == null ? 0 : positionOf(trackingToken);
        Iterator<TrackedEventData<?>> batches = new Iterator<>() {
            private long next = after + 1;
            private int size = READ_BATCH;
            private Iterator<TrackedEventData<?>> current = List.<TrackedEventData<?>>of().iterator();

            @Override
            public boolean hasNext() {
                if (!current.hasNext() && next <= committed) {
                    List<TrackedEventData<?>> batch = readBatch(next, committed, size);
                    next += batch.size();
                    current = batch.iterator();
                    size = Math.min(CATCH_UP_BATCH, size * 2);
                }
                return current.hasNext();
            }

            @Override
            public TrackedEventData<?> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false);
    }

    /** A batch of the largest size is a long read: it reads ahead and leaves the block cache to the look-ups. */
    private List<TrackedEventData<?>> readBatch(long from, long upTo, int size) {
        List<TrackedEventData<?>> batch = new ArrayList<>(size);
        try (RocksIterator it = size == CATCH_UP_BATCH ? database.db.newIterator(database.events, database.scan)
                : database.db.newIterator(database.events)) {
            for (it.seek(Keys.position(from)); it.isValid() && batch.size() < size; it.next()) {
                long position = Keys.position(it.key());
                if (position > upTo) {
                    break;
                }
                batch.add(new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(position), StoredEvent.decode(it.value())));
            }
        }
        return batch;
    }

    private static long positionOf(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalArgumentException(
                "the embedded event store cannot resume from a token without a position: " + token));
    }

    @Override
    public TrackingToken createTailToken() {
        return new GlobalSequenceTrackingToken(0);
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(committed);
    }

    /** A token just before the first event the store committed at or after {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        try (RocksIterator it = database.db.newIterator(database.recordedAt)) {
            it.seek(Keys.recordedAt(dateTime.toEpochMilli(), 0));
            if (!it.isValid()) {
                return createHeadToken();
            }
            return new GlobalSequenceTrackingToken(ByteBuffer.wrap(it.key(), 8, 8).getLong() - 1);
        }
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        byte[] value = database.get(database.commands, Keys.utf8(commandId));
        if (value == null) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        long first = buffer.getLong();
        long last = buffer.getLong();
        return Optional.of(new CommandRecord(first, last, (int) (last - first + 1)));
    }

    @Override
    public void close() {
        writer.close();
        database.close();
    }

    public static class Builder extends AbstractEventStorageEngine.Builder {

        private Path directory;

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        @Override
        public Builder eventSerializer(Serializer eventSerializer) {
            super.eventSerializer(eventSerializer);
            return this;
        }

        @Override
        public Builder snapshotSerializer(Serializer snapshotSerializer) {
            super.snapshotSerializer(snapshotSerializer);
            return this;
        }

        @Override
        public Builder snapshotFilter(SnapshotFilter snapshotFilter) {
            super.snapshotFilter(snapshotFilter);
            return this;
        }

        @Override
        public Builder persistenceExceptionResolver(PersistenceExceptionResolver resolver) {
            super.persistenceExceptionResolver(resolver);
            return this;
        }

        public RocksDbEventStorageEngine build() {
            if (directory == null) {
                throw new IllegalStateException("the embedded event store needs a data directory");
            }
            return new RocksDbEventStorageEngine(this);
        }
    }
}
