package org.unionanalytics.scenario;

/**
 * One command of a generated history. Commands of one phase touch different aggregates or need no
 * order among themselves, so they may run in parallel; a phase starts when the previous one is done.
 * The command id makes a repeated import store nothing twice.
 */
public record Step(int phase, String commandId, Object command) {
}
