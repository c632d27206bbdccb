package org.unionanalytics.domain.keyproject;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.shared.District.BEILUN;

class KeyProjectTest {

    private static final LocalDate START = LocalDate.of(2013, 1, 1);
    private static final LocalDate END = LocalDate.of(2016, 12, 31);
    private final AggregateTestFixture<KeyProject> fixture = new AggregateTestFixture<>(KeyProject.class);

    @Test
    void a_key_project_is_registered_with_its_period() {
        fixture.givenNoPriorActivity()
                .when(new RegisterKeyProject("keyproject-port", "Port expansion", BEILUN, START, END))
                .expectEvents(new KeyProjectRegistered("keyproject-port", "Port expansion", BEILUN, START, END));
    }

    @Test
    void a_key_project_does_not_end_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new RegisterKeyProject("keyproject-port", "Port expansion", BEILUN, END, START))
                .expectException(brokenRule("period-in-order"));
    }
}
