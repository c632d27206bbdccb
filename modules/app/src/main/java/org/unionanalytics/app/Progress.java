package org.unionanalytics.app;

import java.util.function.Consumer;

/** Counts events through a long piece of work and says how far along it is, about once a second. */
final class Progress {

    private final String verb;
    private final Consumer<String> out;
    private final long started = System.nanoTime();
    private long count;
    private long lastReport = started;

    /** @param verb what is done to the events, in the past tense: "exported", "checked" */
    Progress(String verb, Consumer<String> out) {
        this.verb = verb;
        this.out = out;
    }

    void add(long events) {
        count += events;
        long now = System.nanoTime();
        if (now - lastReport > 1_000_000_000L) {
            report(now);
            lastReport = now;
        }
    }

    long done() {
        report(System.nanoTime());
        return count;
    }

    double seconds() {
        return secondsAt(System.nanoTime());
    }

    private double secondsAt(long now) {
        return Math.max(1e-3, (now - started) / 1e9);
    }

    private void report(long now) {
        double seconds = secondsAt(now);
        out.accept(String.format("%s %,d events (%,.0f events/s), %.1f s", verb, count, count / seconds, seconds));
    }
}
