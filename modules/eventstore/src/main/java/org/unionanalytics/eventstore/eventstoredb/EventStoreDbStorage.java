package org.unionanalytics.eventstore.eventstoredb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kurrent.dbclient.AppendToStreamOptions;
import io.kurrent.dbclient.EventData;
import io.kurrent.dbclient.KurrentDBClient;
import io.kurrent.dbclient.KurrentDBConnectionString;
import io.kurrent.dbclient.NotLeaderException;
import io.kurrent.dbclient.Position;
import io.kurrent.dbclient.ReadAllOptions;
import io.kurrent.dbclient.ReadStreamOptions;
import io.kurrent.dbclient.RecordedEvent;
import io.kurrent.dbclient.ResolvedEvent;
import io.kurrent.dbclient.StreamMetadata;
import io.kurrent.dbclient.StreamNotFoundException;
import io.kurrent.dbclient.StreamState;
import io.kurrent.dbclient.WriteResult;
import io.kurrent.dbclient.WrongExpectedVersionException;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.unionanalytics.eventstore.DuplicateCommandException;
import org.unionanalytics.eventstore.EventStorage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Axon's event storage on an EventStoreDB (KurrentDB) cluster. Each aggregate is a stream named
 * by its id (ids carry their type), appended once per command with the expected revision, so a
 * wrong revision is Axon's {@link ConcurrencyException} and a second creation its
 * {@link AggregateStreamCreationException}. Snapshots live in {@code ua-snapshot-<id>} (only the
 * latest kept), command ids in {@code ua-command-<id>}. Trackers read {@code $all} through a
 * filtered catch-up subscription ({@link AllStreamReader}) with {@link AllStreamToken}s.
 *
 * <p>EventStoreDB appends atomically within one stream only. A command that changes several
 * aggregates (a roster) is checked against every stream's revision before anything is written,
 * which turns ordinary conflicts into a clean refusal; a writer racing in between the check and
 * the appends can still leave the command half-applied, and the command log entry is written
 * after the events. Multi-stream appends (KurrentDB 25.1) would close both gaps.
 */
public final class EventStoreDbStorage extends AbstractEventStorageEngine implements EventStorage {

    private static final String SNAPSHOTS = "ua-snapshot-";
    private static final String COMMANDS = "ua-command-";
    private static final int PAGE = 500;
    private static final int CONNECT_TIMEOUT_SECONDS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KurrentDBClient client;
    private final String where;
    private final String namespace;
    private final String aggregateStreams;
    private final Pattern aggregateStream;

    private EventStoreDbStorage(Builder builder, KurrentDBClient client, String where, String namespace) {
        super(builder);
        this.client = client;
        this.where = where;
        this.namespace = namespace;
        this.aggregateStreams = aggregateStreams(namespace);
        this.aggregateStream = Pattern.compile(aggregateStreams);
    }

    /** Aggregate streams of a namespace: not EventStoreDB's own ($...), not our snapshots or command log. */
    static String aggregateStreams(String namespace) {
        return "^" + literal(namespace) + "(?!\\$|" + SNAPSHOTS + "|" + COMMANDS + ")";
    }

    /** Escapes regex characters one by one: the server's .NET expressions know no \\Q...\\E. */
    private static String literal(String text) {
        return text.replaceAll("[\\\\.^$|?*+()\\[\\]{}-]", "\\\\$0");
    }

    /**
     * Connects with a connection string such as {@code kurrentdb+discover://node1:2113,node2:2113?tls=false}
     * (cluster discovery through gossip, writes to the leader) or {@code kurrentdb://host:2113?tls=false}.
     */
    public static EventStoreDbStorage connect(String connectionString, Serializer events, Serializer snapshots,
                                              SnapshotFilter snapshotFilter) {
        return connect(connectionString, "", events, snapshots, snapshotFilter);
    }

    /**
     * As {@link #connect(String, Serializer, Serializer, SnapshotFilter)}, with every stream name starting with
     * {@code namespace}: several deployments (or test runs) can share one cluster without seeing
     * each other's events.
     */
    public static EventStoreDbStorage connect(String connectionString, String namespace, Serializer events,
                                              Serializer snapshots, SnapshotFilter snapshotFilter) {
        String where = connectionString.replaceAll("//[^@/]*@", "//");
        KurrentDBClient client = KurrentDBClient.create(KurrentDBConnectionString.parseOrThrow(connectionString));
        try {
            client.getServerVersion().get(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            client.shutdown();
            throw new EventStoreException("cannot reach EventStoreDB at " + where + " within " + CONNECT_TIMEOUT_SECONDS
                    + " s: " + (e.getCause() != null ? e.getCause().getMessage() : e.toString()), e);
        }
        Builder builder = new Builder();
        builder.eventSerializer(events).snapshotSerializer(snapshots).snapshotFilter(snapshotFilter);
        return new EventStoreDbStorage(builder, client, where, namespace);
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        String commandId = EventStorage.commandIdOf(events);
        if (commandId != null && find(commandId).isPresent()) {
            throw new DuplicateCommandException(commandId);
        }
        Map<String, List<DomainEventMessage<?>>> byStream = new LinkedHashMap<>();
        for (EventMessage<?> event : events) {
            if (!(event instanceof DomainEventMessage<?> domain)) {
                throw new EventStoreException("EventStoreDB keeps aggregate events only; " + event.getPayloadType()
                        + " belongs to no aggregate");
            }
            byStream.computeIfAbsent(namespace + domain.getAggregateIdentifier(), id -> new ArrayList<>()).add(domain);
        }
        if (byStream.size() > 1) {
            byStream.forEach((stream, own) -> checkRevision(own.get(0).getAggregateIdentifier(), own.get(0).getSequenceNumber()));
        }
        List<WriteResult> results = new ArrayList<>();
        byStream.forEach((stream, own) -> results.add(append(stream, own, serializer)));
        if (commandId != null) {
            record(commandId, results, events);
        }
    }

    /** One command after the other: EventStoreDB has no transaction across streams to share. */
    @Override
    public void appendCommands(List<? extends List<? extends EventMessage<?>>> commands) {
        commands.forEach(events -> appendEvents(events, getEventSerializer()));
    }

    private WriteResult append(String stream, List<DomainEventMessage<?>> events, Serializer serializer) {
        long first = events.get(0).getSequenceNumber();
        StreamState expected = expectedBefore(first);
        List<EventData> data = new ArrayList<>(events.size());
        for (DomainEventMessage<?> event : events) {
            var payload = event.serializePayload(serializer, byte[].class);
            var metaData = event.serializeMetaData(serializer, byte[].class);
            data.add(EventData.builderAsJson(eventId(event.getIdentifier()), payload.getType().getName(), payload.getData())
                    .metadataAsBytes(Envelope.metadata(event, payload, metaData)).build());
        }
        try {
            return await(() -> client.appendToStream(stream, AppendToStreamOptions.get().streamState(expected),
                    data.iterator()));
        } catch (WrongExpectedVersionException e) {
            throw conflict(events.get(0).getAggregateIdentifier(), first, e);
        }
    }

    private static StreamState expectedBefore(long firstSequence) {
        return firstSequence == 0 ? StreamState.noStream() : StreamState.streamRevision(firstSequence - 1);
    }

    private void checkRevision(String aggregateId, long firstSequence) {
        long current = lastSequenceNumberFor(aggregateId).orElse(-1L);
        if (current != firstSequence - 1) {
            throw conflict(aggregateId, firstSequence, null);
        }
    }

    private static RuntimeException conflict(String aggregateId, long firstSequence, Exception cause) {
        if (firstSequence == 0) {
            return new AggregateStreamCreationException("aggregate " + aggregateId + " already exists", cause);
        }
        return new ConcurrencyException("aggregate " + aggregateId + " changed concurrently: expected it at sequence "
                + (firstSequence - 1), cause);
    }

    /** Axon's identifiers are UUIDs; any other is mapped to a stable name-based UUID. */
    static UUID eventId(String identifier) {
        try {
            return UUID.fromString(identifier);
        } catch (IllegalArgumentException notAUuid) {
            return UUID.nameUUIDFromBytes(identifier.getBytes(StandardCharsets.UTF_8));
        }
    }

    private void record(String commandId, List<WriteResult> results, List<? extends EventMessage<?>> events) {
        ObjectNode record = JSON.createObjectNode();
        record.put("first", results.get(0).getLogPosition().getCommitUnsigned());
        record.put("last", results.get(results.size() - 1).getLogPosition().getCommitUnsigned());
        record.put("count", events.size());
        ArrayNode changes = record.putArray("changes");
        for (EventMessage<?> event : events) {
            DomainEventMessage<?> domain = (DomainEventMessage<?>) event;
            changes.addArray().add(domain.getAggregateIdentifier()).add(domain.getSequenceNumber());
        }
        try {
            EventData data = EventData.builderAsJson("CommandRecorded", JSON.writeValueAsBytes(record)).build();
            await(() -> client.appendToStream(namespace + COMMANDS + commandId, AppendToStreamOptions.get()
                    .streamState(StreamState.noStream()), data));
        } catch (WrongExpectedVersionException e) {
            throw new DuplicateCommandException(commandId);
        } catch (IOException e) {
            throw new EventStoreException("cannot record command " + commandId, e);
        }
    }

    private Optional<JsonNode> commandRecord(String commandId) {
        return readLatest(namespace + COMMANDS + commandId).map(event -> {
            try {
                return JSON.readTree(event.getEventData());
            } catch (IOException e) {
                throw new EventStoreException("the record of command " + commandId + " is unreadable", e);
            }
        });
    }

    @Override
    public Optional<CommandRecord> find(String commandId) {
        return commandRecord(commandId).map(record -> new CommandRecord(record.path("first").asLong(),
                record.path("last").asLong(), record.path("count").asInt()));
    }

    @Override
    public List<Change> changesOf(CommandRecord record, String commandId) {
        List<Change> changes = new ArrayList<>();
        commandRecord(commandId).ifPresent(json -> json.path("changes")
                .forEach(change -> changes.add(new Change(change.get(0).asText(), change.get(1).asLong()))));
        return changes;
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        String stream = namespace + SNAPSHOTS + snapshot.getAggregateIdentifier();
        var payload = snapshot.serializePayload(serializer, byte[].class);
        var metaData = snapshot.serializeMetaData(serializer, byte[].class);
        EventData data = EventData.builderAsJson(eventId(snapshot.getIdentifier()), payload.getType().getName(),
                payload.getData()).metadataAsBytes(Envelope.metadata(snapshot, payload, metaData)).build();
        WriteResult written = await(() -> client.appendToStream(stream, data));
        if (written.getNextExpectedRevision().equals(StreamState.streamRevision(0))) {
            StreamMetadata latestOnly = new StreamMetadata();
            latestOnly.setMaxCount(1L);
            await(() -> client.setStreamMetadata(stream, latestOnly));
        }
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        return readLatest(namespace + SNAPSHOTS + aggregateIdentifier).stream().map(event ->
                Envelope.entry(aggregateIdentifier, event.getEventId().toString(), event.getEventType(),
                        event.getEventData(), event.getUserMetadata()));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        List<ResolvedEvent> events = readStream(namespace + identifier, ReadStreamOptions.get().forwards().fromRevision(firstSequenceNumber));
        return events.stream().map(ResolvedEvent::getOriginalEvent).map(event -> Envelope.entry(identifier,
                event.getEventId().toString(), event.getEventType(), event.getEventData(), event.getUserMetadata()));
    }

    @Override
    public Stream<? extends TrackedEventData<?>> historyDataOf(String aggregateId) {
        return readStream(namespace + aggregateId, ReadStreamOptions.get().forwards().fromStart()).stream()
                .map(ResolvedEvent::getOriginalEvent).map(event -> new TrackedDomainEventData<>(
                        new AllStreamToken(event.getPosition().getCommitUnsigned(), event.getPosition().getPrepareUnsigned()),
                        Envelope.entry(aggregateId, event.getEventId().toString(), event.getEventType(),
                                event.getEventData(), event.getUserMetadata())));
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return readLatest(namespace + aggregateIdentifier).map(RecordedEvent::getRevision);
    }

    private Optional<RecordedEvent> readLatest(String stream) {
        List<ResolvedEvent> events = readStream(stream, ReadStreamOptions.get().backwards().fromEnd().maxCount(1));
        return events.stream().findFirst().map(ResolvedEvent::getOriginalEvent);
    }

    private List<ResolvedEvent> readStream(String stream, ReadStreamOptions options) {
        try {
            return await(() -> client.readStream(stream, options)).getEvents();
        } catch (StreamNotFoundException e) {
            return List.of();
        }
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        AllStreamToken after = trackingToken == null ? AllStreamToken.START : (AllStreamToken) trackingToken;
        AllStreamReader reader = new AllStreamReader(client, after, aggregateStreams, namespace.length());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(reader, Spliterator.ORDERED), false)
                .onClose(reader::close);
    }

    @Override
    public TrackingToken createTailToken() {
        return AllStreamToken.START;
    }

    @Override
    public TrackingToken createHeadToken() {
        return latestAggregateEvent(event -> true);
    }

    /** $all has no time index: walks back from the end to the last event stored before {@code dateTime}. */
    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return latestAggregateEvent(event -> event.getCreated().isBefore(dateTime));
    }

    private AllStreamToken latestAggregateEvent(Predicate<RecordedEvent> wanted) {
        ReadAllOptions options = ReadAllOptions.get().backwards().fromEnd().maxCount(PAGE);
        while (true) {
            List<ResolvedEvent> page = await(() -> client.readAll(options)).getEvents();
            for (ResolvedEvent resolved : page) {
                RecordedEvent event = resolved.getOriginalEvent();
                if (aggregateStream.matcher(event.getStreamId()).lookingAt() && wanted.test(event)) {
                    Position at = event.getPosition();
                    return new AllStreamToken(at.getCommitUnsigned(), at.getPrepareUnsigned());
                }
            }
            if (page.size() < PAGE) {
                return AllStreamToken.START;
            }
            Position oldest = page.get(page.size() - 1).getOriginalEvent().getPosition();
            options.fromPosition(oldest);
        }
    }

    @Override
    public EventStorageEngine engine() {
        return this;
    }

    @Override
    public long lastPosition() {
        return createHeadToken().position().orElse(0);
    }

    /** The token of an event written alone, whose prepare position equals its commit position. */
    @Override
    public TrackingToken tokenAfter(long position) {
        return position <= 0 ? AllStreamToken.START : new AllStreamToken(position, position);
    }

    @Override
    public String describe() {
        return "the EventStoreDB cluster at " + where;
    }

    @Override
    public void close() {
        client.shutdown().join();
    }

    /** Waits for the client; a leader change is retried once, as the client rediscovers the leader meanwhile. */
    private static <T> T await(Supplier<CompletableFuture<T>> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventStoreException("interrupted while waiting for EventStoreDB", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof NotLeaderException && attempt < 3) {
                    continue;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new EventStoreException("EventStoreDB failed: " + cause.getMessage(), cause);
            }
        }
    }

    private static final class Builder extends AbstractEventStorageEngine.Builder {
    }
}
