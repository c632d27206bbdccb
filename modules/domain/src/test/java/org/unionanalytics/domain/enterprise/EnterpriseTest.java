package org.unionanalytics.domain.enterprise;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.KnownFacts;

import java.time.LocalDate;

import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.shared.District.HAISHU;
import static org.unionanalytics.domain.union.UnionKind.ENTERPRISE;
import static org.unionanalytics.domain.union.UnionKind.JOINT;
import static org.unionanalytics.domain.union.UnionKind.TOWNSHIP_FEDERATION;

class EnterpriseTest {

    private static final LocalDate REGISTERED = LocalDate.of(2011, 3, 1);
    private static final EnterpriseRegistered ACME = new EnterpriseRegistered("enterprise-acme", "ACME Ltd",
            Ownership.PRIVATE, Industry.MANUFACTURING, HAISHU, "HAISHU-01", REGISTERED);
    private static final LocalDate SINCE = LocalDate.of(2013, 1, 1);

    private final KnownFacts facts = new KnownFacts()
            .union("union-joint", JOINT, HAISHU)
            .union("union-other", JOINT, HAISHU)
            .union("union-own", ENTERPRISE, HAISHU)
            .union("union-township", TOWNSHIP_FEDERATION, HAISHU)
            .dissolvedUnion("union-gone", JOINT, LocalDate.of(2012, 6, 1));
    private AggregateTestFixture<Enterprise> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Enterprise.class);
        fixture.registerInjectableResource(facts);
    }

    @Test
    void an_enterprise_is_registered_with_its_classification() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEnterprise("enterprise-acme", "ACME Ltd", Ownership.PRIVATE, Industry.MANUFACTURING,
                        HAISHU, "HAISHU-01", REGISTERED))
                .expectEvents(ACME);
    }

    @Test
    void an_enterprise_lies_in_a_township_of_its_district() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEnterprise("enterprise-acme", "ACME Ltd", Ownership.PRIVATE, Industry.MANUFACTURING,
                        HAISHU, "YINZHOU-01", REGISTERED))
                .expectException(brokenRule("township-in-district"));
    }

    @Test
    void an_enterprise_id_says_it_is_an_enterprise() {
        fixture.givenNoPriorActivity()
                .when(new RegisterEnterprise("union-acme", "ACME Ltd", Ownership.PRIVATE, Industry.MANUFACTURING,
                        HAISHU, "HAISHU-01", REGISTERED))
                .expectException(brokenRule("id-format"));
    }

    @Test
    void a_workforce_headcount_is_reported() {
        fixture.given(ACME)
                .when(new ReportWorkforce("enterprise-acme", 120, SINCE))
                .expectEvents(new WorkforceReported("enterprise-acme", 120, SINCE));
    }

    @Test
    void a_headcount_cannot_be_negative() {
        fixture.given(ACME)
                .when(new ReportWorkforce("enterprise-acme", -1, SINCE))
                .expectException(brokenRule("headcount-not-negative"))
                .expectNoEvents();
    }

    @Test
    void a_joint_union_covers_a_registered_enterprise() {
        fixture.given(ACME)
                .when(new CoverEnterprise("enterprise-acme", "union-joint", SINCE))
                .expectEvents(new EnterpriseCovered("enterprise-acme", "union-joint", SINCE));
    }

    @Test
    void an_enterprise_is_covered_by_at_most_one_union_at_a_time() {
        fixture.given(ACME, new EnterpriseCovered("enterprise-acme", "union-joint", SINCE))
                .when(new CoverEnterprise("enterprise-acme", "union-other", SINCE.plusDays(1)))
                .expectException(brokenRule("covered-once"));
    }

    @Test
    void an_enterprise_whose_union_was_dissolved_may_be_covered_again() {
        fixture.given(ACME, new EnterpriseCovered("enterprise-acme", "union-gone", LocalDate.of(2012, 1, 1)))
                .when(new CoverEnterprise("enterprise-acme", "union-joint", SINCE))
                .expectEvents(new EnterpriseCovered("enterprise-acme", "union-joint", SINCE));
    }

    @Test
    void an_enterprise_whose_union_was_dissolved_is_covered_again_only_from_the_dissolution() {
        fixture.given(ACME, new EnterpriseCovered("enterprise-acme", "union-gone", LocalDate.of(2012, 1, 1)))
                .when(new CoverEnterprise("enterprise-acme", "union-joint", LocalDate.of(2012, 5, 31)))
                .expectException(brokenRule("covered-once"))
                .expectExceptionMessage("enterprise-acme was covered by union-gone until its dissolution on 2012-06-01, "
                        + "so union-joint cannot cover it from 2012-05-31");
    }

    @Test
    void after_its_coverage_ends_another_union_may_cover_it() {
        fixture.given(ACME, new EnterpriseCovered("enterprise-acme", "union-joint", SINCE),
                        new CoverageEnded("enterprise-acme", "union-joint", SINCE.plusYears(1)))
                .when(new CoverEnterprise("enterprise-acme", "union-other", SINCE.plusYears(1)))
                .expectEvents(new EnterpriseCovered("enterprise-acme", "union-other", SINCE.plusYears(1)));
    }

    @Test
    void a_dissolved_union_takes_no_new_coverage() {
        fixture.given(ACME)
                .when(new CoverEnterprise("enterprise-acme", "union-gone", SINCE))
                .expectException(brokenRule("union-dissolved"));
    }

    @Test
    void coverage_does_not_start_before_the_unions_founding() {
        fixture.given(ACME)
                .when(new CoverEnterprise("enterprise-acme", "union-joint", KnownFacts.FOUNDED.minusDays(1)))
                .expectException(brokenRule("not-before-founding"));
    }

    @Test
    void an_enterprise_union_covers_only_the_enterprise_it_was_established_with() {
        fixture.given(ACME)
                .when(new CoverEnterprise("enterprise-acme", "union-own", SINCE))
                .expectException(brokenRule("enterprise-union-covers-one"));
    }

    @Test
    void federations_cover_no_enterprise() {
        fixture.given(ACME)
                .when(new CoverEnterprise("enterprise-acme", "union-township", SINCE))
                .expectException(brokenRule("grassroots-only"));
    }

    @Test
    void ending_coverage_needs_a_coverage() {
        fixture.given(ACME)
                .when(new EndCoverage("enterprise-acme", SINCE))
                .expectException(brokenRule("coverage-required"));
    }

    @Test
    void a_deregistered_enterprise_reports_no_workforce() {
        fixture.given(ACME, new EnterpriseDeregistered("enterprise-acme", SINCE))
                .when(new ReportWorkforce("enterprise-acme", 10, SINCE.plusDays(1)))
                .expectException(brokenRule("enterprise-deregistered"));
    }

    @Test
    void an_enterprise_is_deregistered_once() {
        fixture.given(ACME)
                .when(new DeregisterEnterprise("enterprise-acme", SINCE))
                .expectEvents(new EnterpriseDeregistered("enterprise-acme", SINCE));
        fixture.given(ACME, new EnterpriseDeregistered("enterprise-acme", SINCE))
                .when(new DeregisterEnterprise("enterprise-acme", SINCE))
                .expectException(brokenRule("enterprise-deregistered"));
    }
}
