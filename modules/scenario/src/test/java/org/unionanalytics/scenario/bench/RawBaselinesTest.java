package org.unionanalytics.scenario.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RawBaselinesTest {

    @Test
    void axonAloneRunsEveryCommandItTimesAndStoresItsEvent() throws Exception {
        // each round checks the first and the last key project it registered, and throws if Axon refused one
        double perSecond = RawBaselines.axonCommands(2, 500, 4, 16);

        assertThat(perSecond).isPositive().isFinite();
    }
}
