package org.unionanalytics.domain.union;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.KnownFacts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.shared.District.BEILUN;
import static org.unionanalytics.domain.shared.District.HAISHU;
import static org.unionanalytics.domain.union.UnionKind.DISTRICT_FEDERATION;
import static org.unionanalytics.domain.union.UnionKind.ENTERPRISE;
import static org.unionanalytics.domain.union.UnionKind.JOINT;
import static org.unionanalytics.domain.union.UnionKind.MUNICIPAL_FEDERATION;
import static org.unionanalytics.domain.union.UnionKind.TOWNSHIP_FEDERATION;

class UnionTest {

    private static final LocalDate FOUNDED = LocalDate.of(2013, 5, 1);

    private final KnownFacts facts = new KnownFacts()
            .union("union-city", MUNICIPAL_FEDERATION, null)
            .union("union-haishu", DISTRICT_FEDERATION, HAISHU)
            .union("union-haishu-01", TOWNSHIP_FEDERATION, HAISHU)
            .dissolvedUnion("union-gone", TOWNSHIP_FEDERATION, LocalDate.of(2012, 1, 1));
    private final List<String> covered = new ArrayList<>();
    private AggregateTestFixture<Union> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Union.class);
        fixture.registerAnnotatedCommandHandler(new UnionFounding(fixture.getRepository(), facts,
                (enterpriseId, union, since) -> covered.add(enterpriseId + "@" + union.unionId() + "@" + since)));
    }

    private static EstablishUnion grassroots(String parent, UnionKind kind, String township, List<String> covers) {
        return new EstablishUnion("union-acme", "ACME union", kind, null, HAISHU, township, parent, FOUNDED, covers);
    }

    @Test
    void an_enterprise_union_is_established_under_a_township_federation_and_covers_its_enterprise() {
        fixture.givenNoPriorActivity()
                .when(grassroots("union-haishu-01", ENTERPRISE, "HAISHU-01", List.of("enterprise-acme")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UnionEstablished("union-acme", "ACME union", ENTERPRISE, null, HAISHU, "HAISHU-01",
                        "union-haishu-01", FOUNDED));
        assertThat(covered).containsExactly("enterprise-acme@union-acme@" + FOUNDED);
    }

    @Test
    void the_municipal_federation_has_no_parent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishUnion("union-root", "Ningbo federation", MUNICIPAL_FEDERATION, null, null, null,
                        null, FOUNDED, List.of()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void every_other_union_needs_a_parent() {
        fixture.givenNoPriorActivity()
                .when(grassroots(null, JOINT, "HAISHU-01", List.of()))
                .expectException(brokenRule("parent-required"));
    }

    @Test
    void a_dissolved_parent_takes_no_new_unions() {
        fixture.givenNoPriorActivity()
                .when(grassroots("union-gone", JOINT, "HAISHU-01", List.of()))
                .expectException(brokenRule("parent-active"))
                .expectNoEvents();
    }

    @Test
    void a_union_is_not_founded_before_its_parent() {
        fixture.givenNoPriorActivity()
                .when(new EstablishUnion("union-acme", "ACME", JOINT, null, HAISHU, "HAISHU-01", "union-haishu-01",
                        LocalDate.of(2009, 1, 1), List.of()))
                .expectException(brokenRule("not-before-parent"));
    }

    @Test
    void a_township_federation_hangs_under_a_district_federation() {
        fixture.givenNoPriorActivity()
                .when(new EstablishUnion("union-t", "T", TOWNSHIP_FEDERATION, null, HAISHU, "HAISHU-02", "union-city",
                        FOUNDED, List.of()))
                .expectException(brokenRule("parent-matches-kind"));
    }

    @Test
    void a_union_lies_in_its_parents_district() {
        fixture.givenNoPriorActivity()
                .when(new EstablishUnion("union-acme", "ACME", JOINT, null, BEILUN, "BEILUN-01", "union-haishu-01",
                        FOUNDED, List.of()))
                .expectException(brokenRule("parent-in-district"));
    }

    @Test
    void the_township_lies_in_the_district() {
        fixture.givenNoPriorActivity()
                .when(grassroots("union-haishu-01", JOINT, "BEILUN-01", List.of()))
                .expectException(brokenRule("township-in-district"));
    }

    @Test
    void an_enterprise_union_covers_exactly_one_enterprise() {
        fixture.givenNoPriorActivity()
                .when(grassroots("union-haishu-01", ENTERPRISE, "HAISHU-01", List.of("enterprise-a", "enterprise-b")))
                .expectException(brokenRule("enterprise-union-covers-one"));
        assertThat(covered).isEmpty();
    }

    @Test
    void a_joint_union_covers_several_enterprises() {
        fixture.givenNoPriorActivity()
                .when(grassroots("union-haishu-01", JOINT, "HAISHU-01", List.of("enterprise-a", "enterprise-b")))
                .expectSuccessfulHandlerExecution();
        assertThat(covered).hasSize(2);
    }

    @Test
    void a_union_is_dissolved_once() {
        var established = new UnionEstablished("union-acme", "ACME", JOINT, null, HAISHU, "HAISHU-01",
                "union-haishu-01", FOUNDED);
        fixture.given(established)
                .when(new DissolveUnion("union-acme", LocalDate.of(2016, 1, 1)))
                .expectEvents(new UnionDissolved("union-acme", LocalDate.of(2016, 1, 1)));
        fixture.given(established, new UnionDissolved("union-acme", LocalDate.of(2016, 1, 1)))
                .when(new DissolveUnion("union-acme", LocalDate.of(2017, 1, 1)))
                .expectException(brokenRule("dissolved-once"));
    }

    @Test
    void a_union_is_not_dissolved_before_its_founding() {
        fixture.given(new UnionEstablished("union-acme", "ACME", JOINT, null, HAISHU, "HAISHU-01",
                        "union-haishu-01", FOUNDED))
                .when(new DissolveUnion("union-acme", FOUNDED.minusDays(1)))
                .expectException(brokenRule("not-before-founding"));
    }
}
