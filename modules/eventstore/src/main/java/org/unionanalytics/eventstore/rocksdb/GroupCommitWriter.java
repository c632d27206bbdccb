package org.unionanalytics.eventstore.rocksdb;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.unionanalytics.eventstore.CommandLog.CommandRecord;
import org.unionanalytics.eventstore.DuplicateCommandException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * The single writer of the embedded store. Callers hand over the events of one command; the writer
 * takes everything queued at that moment, checks each command for conflicts, gives the accepted
 * events the next global positions and commits them all in one fsynced write batch (group commit).
 * A command's events are in one batch, so they are stored together or not at all.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** Events per write batch; enough to amortise an fsync, small enough to keep latency low. */
    private static final int MAX_GROUP_EVENTS = 20_000;

    private final EventDatabase database;
    private final BlockingQueue<Append> queue = new LinkedBlockingQueue<>();
    private final WriteOptions synced = new WriteOptions().setSync(true);
    private final LongConsumer onCommitted;
    private final Thread thread;
    private volatile boolean running = true;
    private long lastPosition;
    private long lastRecordedAt;

    GroupCommitWriter(EventDatabase database, LongConsumer onCommitted) {
        this.database = database;
        this.onCommitted = onCommitted;
        this.lastPosition = database.lastPosition();
        this.thread = new Thread(this::run, "event-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    long lastPosition() {
        return lastPosition;
    }

    /** Appends the events of one command and returns once they are durable. */
    CommandRecord append(List<StoredEvent> events, String commandId) {
        return appendAll(List.of(events), java.util.Collections.singletonList(commandId)).get(0);
    }

    /**
     * Appends the events of several commands, in this order, and returns once all are durable:
     * queued together, they share write batches and disk syncs.
     */
    List<CommandRecord> appendAll(List<List<StoredEvent>> commands, List<String> commandIds) {
        if (!running) {
            throw new EventStoreException("the event store is closed");
        }
        List<Append> appends = new ArrayList<>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            appends.add(new Append(commands.get(i), commandIds.get(i), new CompletableFuture<>()));
        }
        queue.addAll(appends);
        List<CommandRecord> records = new ArrayList<>(appends.size());
        try {
            for (Append append : appends) {
                records.add(append.done.get());
            }
            return records;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for the event store to commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new EventStoreException("appending events failed: " + e.getCause(), e.getCause());
        }
    }

    private void run() {
        List<Append> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Append first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int events = first.events.size();
                while (events < MAX_GROUP_EVENTS && queue.peek() != null) {
                    Append next = queue.poll();
                    group.add(next);
                    events += next.events.size();
                }
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                group.forEach(append -> append.done.completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
        queue.forEach(append -> append.done.completeExceptionally(new EventStoreException("the event store is closed")));
    }

    private void commit(List<Append> group) {
        Set<ByteBuffer> takenInGroup = new HashSet<>();
        List<Accepted> accepted = new ArrayList<>();
        long position = lastPosition;
        long now = Math.max(System.currentTimeMillis(), lastRecordedAt);
        try (WriteBatch batch = new WriteBatch()) {
            for (Append append : group) {
                RuntimeException conflict = conflictOf(append, takenInGroup);
                if (conflict != null) {
                    append.done.completeExceptionally(conflict);
                    continue;
                }
                long first = position + 1;
                for (StoredEvent event : append.events) {
                    position++;
                    write(batch, event, position, now);
                }
                if (append.commandId != null) {
                    batch.put(database.commands, Keys.utf8(append.commandId),
                            ByteBuffer.allocate(16).putLong(first).putLong(position).array());
                }
                accepted.add(new Accepted(append, new CommandRecord(first, position, append.events.size())));
            }
            if (accepted.isEmpty()) {
                return;
            }
            // every event of the group was recorded at the same moment: its first position says when they begin
            batch.put(database.recordedAt, Keys.recordedAt(now, lastPosition + 1), new byte[0]);
            database.db.write(synced, batch);
        } catch (RocksDBException e) {
            EventStoreException failure = new EventStoreException("the event store could not write to disk: " + e.getMessage(), e);
            accepted.forEach(a -> a.append.done.completeExceptionally(failure));
            return;
        }
        lastPosition = position;
        lastRecordedAt = now;
        onCommitted.accept(position);
        accepted.forEach(a -> a.append.done.complete(a.record));
    }

    private void write(WriteBatch batch, StoredEvent event, long position, long now) throws RocksDBException {
        StoredEvent recorded = new StoredEvent(event.eventIdentifier(), event.type(), event.aggregateIdentifier(),
                event.sequenceNumber(), event.timestamp(), now, event.payloadType(), event.payloadRevision(),
                event.payloadBytes(), event.metaDataBytes());
        byte[] key = Keys.position(position);
        batch.put(database.events, key, recorded.encode());
        if (event.aggregateIdentifier() != null) {
            batch.put(database.aggregates, Keys.aggregateEvent(event.aggregateIdentifier(), event.sequenceNumber()), key);
        }
    }

    /** A command conflicts when one of its (aggregate, sequence) slots or its command id is taken. */
    private RuntimeException conflictOf(Append append, Set<ByteBuffer> takenInGroup) {
        if (append.commandId != null) {
            ByteBuffer commandKey = ByteBuffer.wrap(Keys.utf8("command:" + append.commandId));
            if (takenInGroup.contains(commandKey) || database.get(database.commands, Keys.utf8(append.commandId)) != null) {
                return new DuplicateCommandException(append.commandId);
            }
        }
        List<ByteBuffer> slots = new ArrayList<>();
        for (StoredEvent event : append.events) {
            if (event.aggregateIdentifier() == null) {
                continue;
            }
            byte[] slot = Keys.aggregateEvent(event.aggregateIdentifier(), event.sequenceNumber());
            ByteBuffer wrapped = ByteBuffer.wrap(slot);
            if (takenInGroup.contains(wrapped) || database.get(database.aggregates, slot) != null) {
                return event.sequenceNumber() == 0
                        ? new AggregateStreamCreationException("cannot create " + event.aggregateIdentifier()
                                + ": an aggregate with that id already exists")
                        : new ConcurrencyException("event " + event.sequenceNumber() + " of "
                                + event.aggregateIdentifier() + " was already stored by a concurrent command");
            }
            slots.add(wrapped);
        }
        takenInGroup.addAll(slots);
        if (append.commandId != null) {
            takenInGroup.add(ByteBuffer.wrap(Keys.utf8("command:" + append.commandId)));
        }
        return null;
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synced.close();
    }

    private record Append(List<StoredEvent> events, String commandId, CompletableFuture<CommandRecord> done) {
    }

    private record Accepted(Append append, CommandRecord record) {
    }
}
