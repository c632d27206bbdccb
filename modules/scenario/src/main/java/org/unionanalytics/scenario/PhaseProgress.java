package org.unionanalytics.scenario;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The phase being fed, for the progress line: which commands it holds, and how far along it is,
 * counted in the steps' weights (a roster of a thousand members is a thousand times the work of
 * one proposal, and the rosters of the largest unions come last). A phase's size is known once
 * it is generated or read, the whole history's only at its end.
 */
record PhaseProgress(int number, String kinds, int commands, long work, long workBefore, long startedNanos) {

    private static final int BAR = 20;

    PhaseProgress(int number, List<Step> steps, long workBefore, long startedNanos) {
        this(number, steps.stream().map(step -> step.command().getClass().getSimpleName()).distinct()
                        .collect(Collectors.joining(", ")), steps.size(),
                steps.stream().mapToLong(Step::weight).sum(), workBefore, startedNanos);
    }

    String describe(long workInAll, long now) {
        long done = Math.min(work, workInAll - workBefore);
        int filled = work == 0 ? BAR : (int) (BAR * done / work);
        double seconds = Math.max(0.001, (now - startedNanos) / 1e9);
        String left = done == 0 || done == work ? "" : ", " + timeLeft((work - done) / (done / seconds));
        return String.format("phase %d (%,d %s) [%s%s] %d%%%s", number, commands, kinds, "#".repeat(filled),
                "-".repeat(BAR - filled), work == 0 ? 100 : 100 * done / work, left);
    }

    private static String timeLeft(double seconds) {
        if (seconds < 1) {
            return "under a second left";
        }
        long whole = Math.round(seconds);
        return whole < 90 ? "about " + whole + " s left" : "about " + whole / 60 + " min " + whole % 60 + " s left";
    }
}
