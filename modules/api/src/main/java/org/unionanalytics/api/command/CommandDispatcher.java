package org.unionanalytics.api.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.unionanalytics.api.metrics.ServerMetrics;
import org.unionanalytics.api.metrics.ServerMetrics.CommandResult;
import org.unionanalytics.eventstore.CommandLog;
import org.unionanalytics.eventstore.CommandLog.CommandRecord;
import org.unionanalytics.eventstore.DuplicateCommandException;
import org.unionanalytics.eventstore.EventStorage;

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
    private final EventStorage storage;
    private final Executor executor;
    private final ServerMetrics metrics;

    public CommandDispatcher(CommandGateway gateway, EventStorage storage, Executor executor, ServerMetrics metrics) {
        this.gateway = gateway;
        this.storage = storage;
        this.executor = executor;
        this.metrics = metrics;
    }

    /**
     * @param targetId the aggregate the command addresses; null for a creation whose id the server
     *                 generated, in which case the receipt names the aggregate of the first event
     */
    public CompletableFuture<Receipt> dispatch(Object command, String clientCommandId, String targetId, String actor) {
        String commandId = clientCommandId != null ? clientCommandId : UUID.randomUUID().toString();
        return CompletableFuture.supplyAsync(() -> storage.find(commandId), executor).thenCompose(earlier -> {
            if (earlier.isPresent()) {
                metrics.command(CommandResult.REPEATED);
                return CompletableFuture.completedFuture(receipt(earlier.get(), targetId, commandId, true));
            }
            var message = GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(CommandLog.COMMAND_ID, commandId, CommandLog.ACTOR, actor));
            return gateway.send(message).handle((result, error) -> {
                Throwable cause = unwrap(error);
                if (cause instanceof DuplicateCommandException) {
                    metrics.command(CommandResult.REPEATED);
                    return receipt(recorded(commandId), targetId, commandId, true);
                }
                if (cause != null) {
                    metrics.command(CommandResult.REFUSED);
                    throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
                }
                metrics.command(CommandResult.STORED);
                return receipt(recorded(commandId), targetId, commandId, false);
            });
        });
    }

    private CommandRecord recorded(String commandId) {
        return storage.find(commandId).orElseThrow(() -> new IllegalStateException(
                "command " + commandId + " succeeded but stored no events"));
    }

    private Receipt receipt(CommandRecord record, String targetId, String commandId, boolean repeated) {
        List<EventStorage.Change> changes = storage.changesOf(record, commandId);
        String id = targetId != null ? targetId : changes.get(0).aggregateId();
        Long version = changes.stream().filter(change -> id.equals(change.aggregateId()))
                .map(EventStorage.Change::sequence).reduce(Math::max).orElse(null);
        return new Receipt(id, version, record.lastPosition(), record.eventCount(), repeated, commandId);
    }

    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
