package org.unionanalytics.domain.proposal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.KnownFacts;
import org.unionanalytics.domain.shared.NotFound;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.unionanalytics.domain.RuleMatchers.brokenRule;
import static org.unionanalytics.domain.proposal.ProposalCategory.OPERATION_METHOD;
import static org.unionanalytics.domain.proposal.ProposalCategory.RATIONALIZATION;

class ProposalTest {

    private static final LocalDate DAY = LocalDate.of(2015, 6, 1);
    private static final ProposalSubmitted SUBMITTED = new ProposalSubmitted("proposal-1", "member-1", "union-a",
            "enterprise-a", RATIONALIZATION, "Reuse cooling water", DAY);
    private static final ProposalSubmitted METHOD = new ProposalSubmitted("proposal-1", "member-1", "union-a",
            "enterprise-a", OPERATION_METHOD, "Faster weld seam", DAY);
    private static final ProposalAdopted ADOPTED = new ProposalAdopted("proposal-1", DAY.plusDays(10));

    private AggregateTestFixture<Proposal> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Proposal.class);
        fixture.registerInjectableResource(new KnownFacts().member("member-1", "union-a")
                .member("member-2", "union-a", DAY, DAY.plusYears(1))
                .enterprises("enterprise-a", "enterprise-b", "enterprise-c")
                .enterprise("enterprise-new", DAY.plusMonths(6), null)
                .enterprise("enterprise-closed", KnownFacts.FOUNDED, DAY.plusMonths(4)));
    }

    @Test
    void a_member_submits_a_proposal_through_its_own_union() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-1", "union-a", "enterprise-a", RATIONALIZATION,
                        "Reuse cooling water", DAY))
                .expectEvents(SUBMITTED);
    }

    @Test
    void a_proposal_comes_through_the_union_the_member_belongs_to() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-1", "union-b", null, RATIONALIZATION, "Idea", DAY))
                .expectException(brokenRule("submitted-through-own-union"));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-9", "union-a", null, RATIONALIZATION, "Idea", DAY))
                .expectException(brokenRule("submitted-through-own-union"));
    }

    @Test
    void a_proposal_comes_through_the_union_the_member_belonged_to_on_its_day() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-2", "union-a", null, RATIONALIZATION, "Idea", DAY.minusDays(1)))
                .expectException(brokenRule("submitted-through-own-union"))
                .expectExceptionMessage("member-2 was not a member of any union on 2015-05-31");
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-2", "union-a", null, RATIONALIZATION, "Idea", DAY.plusYears(1)))
                .expectException(brokenRule("submitted-through-own-union"));
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-2", "union-a", null, RATIONALIZATION, "Idea", DAY))
                .expectEvents(new ProposalSubmitted("proposal-1", "member-2", "union-a", null, RATIONALIZATION, "Idea", DAY));
    }

    @Test
    void a_proposal_names_a_registered_enterprise() {
        fixture.givenNoPriorActivity()
                .when(new SubmitProposal("proposal-1", "member-1", "union-a", "enterprise-typo", RATIONALIZATION,
                        "Reuse cooling water", DAY))
                .expectException(NotFound.class)
                .expectExceptionMessage("no enterprise with id enterprise-typo has been recorded");
    }

    @Test
    void a_submitted_proposal_is_adopted_or_rejected() {
        fixture.given(SUBMITTED).when(new AdoptProposal("proposal-1", DAY.plusDays(10))).expectEvents(ADOPTED);
        fixture.given(SUBMITTED).when(new RejectProposal("proposal-1", DAY.plusDays(10), "too costly"))
                .expectEvents(new ProposalRejected("proposal-1", DAY.plusDays(10), "too costly"));
    }

    @Test
    void rejection_is_final() {
        fixture.given(SUBMITTED, new ProposalRejected("proposal-1", DAY, "no"))
                .when(new AdoptProposal("proposal-1", DAY.plusDays(1)))
                .expectException(brokenRule("proposal-lifecycle"));
    }

    @Test
    void an_adopted_proposal_is_implemented_with_its_benefit() {
        fixture.given(SUBMITTED, ADOPTED)
                .when(new ImplementProposal("proposal-1", DAY.plusMonths(2), new BigDecimal("12500.5")))
                .expectEvents(new ProposalImplemented("proposal-1", DAY.plusMonths(2), new BigDecimal("12500.50")));
    }

    @Test
    void only_an_adopted_proposal_is_implemented() {
        fixture.given(SUBMITTED)
                .when(new ImplementProposal("proposal-1", DAY.plusMonths(2), BigDecimal.TEN))
                .expectException(brokenRule("proposal-lifecycle"));
    }

    @Test
    void an_economic_benefit_is_not_negative() {
        fixture.given(SUBMITTED, ADOPTED)
                .when(new ImplementProposal("proposal-1", DAY.plusMonths(2), new BigDecimal("-1")))
                .expectException(brokenRule("benefit-not-negative"));
    }

    @Test
    void an_adopted_proposal_is_recognised_once_as_an_innovation_achievement() {
        fixture.given(SUBMITTED, ADOPTED)
                .when(new RecogniseProposal("proposal-1", DAY.plusMonths(3)))
                .expectEvents(new ProposalRecognised("proposal-1", DAY.plusMonths(3)));
        fixture.given(SUBMITTED, ADOPTED, new ProposalRecognised("proposal-1", DAY.plusMonths(3)))
                .when(new RecogniseProposal("proposal-1", DAY.plusMonths(4)))
                .expectException(brokenRule("recognised-once"));
    }

    @Test
    void a_proposal_not_yet_adopted_is_not_recognised() {
        fixture.given(SUBMITTED)
                .when(new RecogniseProposal("proposal-1", DAY.plusMonths(3)))
                .expectException(brokenRule("recognise-adopted"));
    }

    @Test
    void an_adopted_operation_method_is_promoted_to_further_enterprises() {
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-b"), DAY.plusMonths(5)))
                .expectEvents(new OperationMethodPromoted("proposal-1", List.of("enterprise-b"), DAY.plusMonths(5)));
    }

    @Test
    void only_operation_methods_are_promoted() {
        fixture.given(SUBMITTED, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-b"), DAY.plusMonths(5)))
                .expectException(brokenRule("promote-operation-methods"));
    }

    @Test
    void an_operation_method_is_adopted_before_it_is_promoted() {
        fixture.given(METHOD)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-b"), DAY.plusMonths(5)))
                .expectException(brokenRule("promote-adopted"));
    }

    @Test
    void an_operation_method_spreads_to_each_enterprise_once() {
        var promoted = new OperationMethodPromoted("proposal-1", List.of("enterprise-b"), DAY.plusMonths(5));
        fixture.given(METHOD, ADOPTED, promoted)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-c", "enterprise-b"), DAY.plusMonths(6)))
                .expectException(brokenRule("promote-once"))
                .expectExceptionMessage("proposal-1 was already promoted to enterprise-b");
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-c", "enterprise-c"), DAY.plusMonths(6)))
                .expectException(brokenRule("no-repeats"))
                .expectExceptionMessage("enterprise-c is listed twice in the promotion");
        fixture.given(METHOD, ADOPTED, promoted)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-c"), DAY.plusMonths(6)))
                .expectEvents(new OperationMethodPromoted("proposal-1", List.of("enterprise-c"), DAY.plusMonths(6)));
    }

    @Test
    void an_operation_method_spreads_to_registered_enterprises() {
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-b", "enterprise-ghost"), DAY.plusMonths(5)))
                .expectException(NotFound.class)
                .expectExceptionMessage("no enterprise with id enterprise-ghost has been recorded");
    }

    @Test
    void an_operation_method_spreads_to_enterprises_registered_on_the_day() {
        LocalDate day = DAY.plusMonths(5);
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-b", "enterprise-new"), day))
                .expectException(brokenRule("enterprise-registered"))
                .expectExceptionMessage("enterprise-new was registered only on " + DAY.plusMonths(6)
                        + " and takes no promotion on " + day);
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-closed"), day))
                .expectException(brokenRule("enterprise-registered"))
                .expectExceptionMessage("enterprise-closed was deregistered on " + DAY.plusMonths(4)
                        + " and takes no promotion on " + day);
        fixture.given(METHOD, ADOPTED)
                .when(new PromoteOperationMethod("proposal-1", List.of("enterprise-new"), DAY.plusMonths(6)))
                .expectEvents(new OperationMethodPromoted("proposal-1", List.of("enterprise-new"), DAY.plusMonths(6)));
    }
}
