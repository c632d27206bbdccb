package org.unionanalytics.api.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.CommandLog.CommandRecord;
import org.unionanalytics.eventstore.DuplicateCommandException;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Sends commands without blocking the caller and answers with a receipt read back from the event
 * log. Every command carries a command id (the client's, or a fresh one); a command id that was
 * already recorded is answered from the log without running the command again.
 */
public final class CommandDispatcher {

    private final CommandGateway gateway;
    private final CommandLog commandLog;
    private final EventStorageEngine events;
    private final Executor executor;

    public CommandDispatcher(CommandGateway gateway, CommandLog commandLog, EventStorageEngine events, Executor executor) {
        this.gateway = gateway;
        this.commandLog = commandLog;
        this.events = events;
        this.executor = executor;
    }

    /**
     * @param targetId the aggregate the command addresses; null for a creation whose id the server
     *                 generated, in which case the receipt names the aggregate of the first event
     */
    public CompletableFuture<Receipt> dispatch(Object command, String clientCommandId, String targetId) {
        String commandId = clientCommandId != null ? clientCommandId : UUID.randomUUID().toString();
        return CompletableFuture.supplyAsync(() -> commandLog.find(commandId), executor).thenCompose(earlier -> {
            if (earlier.isPresent()) {
                return CompletableFuture.completedFuture(receipt(earlier.get(), targetId, commandId, true));
            }
            var message = GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(CommandLog.COMMAND_ID, commandId));
            return gateway.send(message).handle((result, error) -> {
                Throwable cause = unwrap(error);
                if (cause instanceof DuplicateCommandException) {
                    return receipt(recorded(commandId), targetId, commandId, true);
                }
                if (cause != null) {
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                }
                return receipt(recorded(commandId), targetId, commandId, false);
            });
        });
    }

    private CommandRecord recorded(String commandId) {
        return commandLog.find(commandId).orElseThrow(() -> new IllegalStateException(
                "command " + commandId + " succeeded but stored no events"));
    }

    private Receipt receipt(CommandRecord record, String targetId, String commandId, boolean repeated) {
        int count = (int) (record.lastPosition() - record.firstPosition() + 1);
        List<? extends TrackedEventMessage<?>> stored;
        try (var stream = events.readEvents(new GlobalSequenceTrackingToken(record.firstPosition() - 1), false)) {
            stored = stream.limit(count).toList();
        }
        String id = targetId != null ? targetId : ((DomainEventMessage<?>) stored.get(0)).getAggregateIdentifier();
        Long version = stored.stream().map(event -> (DomainEventMessage<?>) event)
                .filter(event -> id.equals(event.getAggregateIdentifier()))
                .map(DomainEventMessage::getSequenceNumber).reduce(Math::max).orElse(null);
        return new Receipt(id, version, record.lastPosition(), count, repeated, commandId);
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
