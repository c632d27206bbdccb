package org.unionanalytics.scenario.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawBaselinesTest {

    @Test
    void axon_alone_runs_every_command_it_times_and_stores_its_event() throws Exception {
        // each round checks the first and the last key project it registered, and throws if Axon refused one
        double perSecond = RawBaselines.axonCommands(2, 500, 4, 16);

        assertThat(perSecond).isPositive().isFinite();
    }
}
