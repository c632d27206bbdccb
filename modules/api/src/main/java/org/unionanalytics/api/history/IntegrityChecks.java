package org.unionanalytics.api.history;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionanalytics.eventstore.EventStorage;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Integrity checks of the log run on a running server: one at a time, in the background (a whole
 * log takes longer than a request may), followed through its status as a rebuild is.
 */
final class IntegrityChecks {

    private static final Logger log = LoggerFactory.getLogger(IntegrityChecks.class);

    private final EventStorage storage;
    private final boolean gapless;
    private volatile Run last;

    /** One check: when it started, how far it is, and what it found once done. */
    private static final class Run {
        final Instant startedAt = Instant.now();
        final long target;
        final AtomicLong checked = new AtomicLong();
        volatile Instant finishedAt;
        volatile IntegrityCheck.Result result;
        volatile String failure;

        Run(long target) {
            this.target = target;
        }
    }

    IntegrityChecks(EventStorage storage, boolean gapless) {
        this.storage = storage;
        this.gapless = gapless;
    }

    /** Starts a check unless one is under way; answers with the status of the one that runs. */
    synchronized Map<String, Object> start() {
        Run running = last;
        if (running != null && running.finishedAt == null) {
            return status();
        }
        Run run = new Run(storage.lastPosition());
        last = run;
        Thread thread = new Thread(() -> check(run), "event-log-check");
        thread.setDaemon(true);
        thread.start();
        return status();
    }

    private void check(Run run) {
        log.info("Checking the event log's integrity up to position {}", run.target);
        try {
            run.result = new IntegrityCheck(storage, gapless).run(run.checked::set);
            log.info("The event log's integrity check read {} events: {} problems", run.result.events(),
                    run.result.problemCount());
        } catch (RuntimeException e) {
            log.error("The event log's integrity check could not finish", e);
            run.failure = e.getMessage();
        } finally {
            run.finishedAt = Instant.now();
        }
    }

    /** The check under way, or the last one since the server started; null if there was none. */
    Map<String, Object> status() {
        Run run = last;
        if (run == null) {
            return null;
        }
        IntegrityCheck.Result result = run.result;
        Map<String, Object> status = new HashMap<>();
        status.put("state", run.finishedAt == null ? "RUNNING" : run.failure != null ? "FAILED"
                : result.clean() ? "CLEAN" : "PROBLEMS");
        status.put("startedAt", run.startedAt.atOffset(ZoneOffset.UTC));
        status.put("finishedAt", run.finishedAt == null ? null : run.finishedAt.atOffset(ZoneOffset.UTC));
        status.put("eventsChecked", run.checked.get());
        status.put("target", run.target);
        status.put("aggregates", result == null ? null : result.aggregates());
        status.put("commands", result == null ? null : result.commands());
        status.put("problemCount", result == null ? null : result.problemCount());
        status.put("problems", result == null ? List.of() : result.problems().stream()
                .map(problem -> Map.of("position", problem.position(), "description", problem.what())).toList());
        status.put("failure", run.failure);
        return status;
    }
}
