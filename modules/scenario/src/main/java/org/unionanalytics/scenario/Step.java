package org.unionanalytics.scenario;

/**
 * One command of a generated history. Commands of one phase may run in parallel, except that those
 * on one aggregate run in their order; a phase starts when the previous one is done.
 * The command id makes a repeated import store nothing twice.
 */
public record Step(int phase, String commandId, Object command) {
}
