package org.unionanalytics.scenario;

/** Numbers a generated history's commands by phase, so that a resumed import knows each by its id. */
final class Steps {

    private final String idPrefix;
    private int phase;
    private int sequence;

    Steps(long seed, double scale) {
        this.idPrefix = "ref-" + seed + "-" + scale + "-";
    }

    void startPhase(int number) {
        phase = number;
        sequence = 0;
    }

    Step step(Object command) {
        return new Step(phase, idPrefix + phase + "-" + sequence++, command);
    }
}
