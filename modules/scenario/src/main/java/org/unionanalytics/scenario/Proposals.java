package org.unionanalytics.scenario;

import org.unionanalytics.domain.proposal.AdoptProposal;
import org.unionanalytics.domain.proposal.ImplementProposal;
import org.unionanalytics.domain.proposal.PromoteOperationMethod;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.RecogniseProposal;
import org.unionanalytics.domain.proposal.RejectProposal;
import org.unionanalytics.domain.proposal.SubmitProposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.unionanalytics.scenario.ReferenceHistory.FROM;
import static org.unionanalytics.scenario.ReferenceHistory.TO;

/** The phases of the innovation proposals, each through its lifecycle: submitted, decided, implemented, recognised or promoted. */
final class Proposals {

    private enum Fate { RECOGNISED, PROMOTED, ORDINARY }

    private record Submitted(String id, ProposalCategory category, LocalDate on, Fate fate) {
    }

    private record Decided(Submitted proposal, LocalDate on) {
    }

    private final Draw draw;
    private final ReferenceFigures figures;
    private final Steps steps;
    private final Workplaces workplaces;
    private final Members members;

    private final List<Submitted> submitted = new ArrayList<>();
    private final List<Decided> adopted = new ArrayList<>();
    /** Each adopted proposal with the day of its last step so far: its implementation, else its adoption. */
    private final List<Decided> lastSteps = new ArrayList<>();

    Proposals(Draw draw, ReferenceFigures figures, Steps steps, Workplaces workplaces, Members members) {
        this.draw = draw;
        this.figures = figures;
        this.steps = steps;
        this.workplaces = workplaces;
        this.members = members;
    }

    /**
     * Rationalization proposals spread over the five years (and some before), operation methods and
     * five-smalls proposals besides. The first of them are set to be recognised as innovation
     * achievements or promoted, and are submitted early enough for their whole lifecycle to fit.
     */
    List<Step> submissions() {
        List<Step> all = new ArrayList<>();
        long rationalization = figures.rationalizationProposals();
        long recognised = figures.innovationAchievements();
        long promoted = figures.operationMethodsPromoted();
        long methods = Math.max(promoted, figures.scaled(6_000));
        long smalls = figures.scaled(20_000);
        long earlier = figures.scaled(10_000);
        LocalDate latestForFate = TO.minusDays(400);
        for (long p = 0; p < rationalization; p++) {
            Fate fate = p < recognised ? Fate.RECOGNISED : Fate.ORDINARY;
            submit(all, ProposalCategory.RATIONALIZATION, draw.date(FROM, fate == Fate.ORDINARY ? TO : latestForFate), fate);
        }
        for (long p = 0; p < methods; p++) {
            Fate fate = p < promoted ? Fate.PROMOTED : Fate.ORDINARY;
            submit(all, ProposalCategory.OPERATION_METHOD, draw.date(FROM, fate == Fate.ORDINARY ? TO : latestForFate), fate);
        }
        ProposalCategory[] smallKinds = {ProposalCategory.SMALL_INVENTION, ProposalCategory.SMALL_RENOVATION,
                ProposalCategory.SMALL_DESIGN, ProposalCategory.SMALL_REFORM};
        for (long p = 0; p < smalls; p++) {
            submit(all, smallKinds[(int) (p % 4)], draw.date(FROM, TO), Fate.ORDINARY);
        }
        for (long p = 0; p < earlier; p++) {
            submit(all, ProposalCategory.RATIONALIZATION, draw.date(LocalDate.of(2011, 1, 1), FROM.minusDays(1)), Fate.ORDINARY);
        }
        return all;
    }

    /**
     * By a stable member, for the union the member is in and that union's first enterprise; a
     * proposal drawn for a day before the member joined is submitted on the joining day.
     */
    private void submit(List<Step> all, ProposalCategory category, LocalDate drawn, Fate fate) {
        String id = Ids.id("proposal-", submitted.size(), 7);
        int member = members.stable(draw.between(0, members.stableCount() - 1));
        int u = members.unionOf(member);
        Workplaces.Union union = workplaces.union(u);
        LocalDate on = drawn.isBefore(members.joinedOn(u)) ? members.joinedOn(u) : drawn;
        submitted.add(new Submitted(id, category, on, fate));
        all.add(steps.step(new SubmitProposal(id, Ids.member(member), union.id(), Ids.enterprise(union.enterprises()[0]),
                category, category + " " + id, on)));
    }

    /** Three in five are adopted and three in ten rejected, a month or two after submission; the rest wait. */
    List<Step> decisions() {
        List<Step> all = new ArrayList<>();
        for (Submitted p : submitted) {
            double x = draw.fraction();
            LocalDate on = p.on().plusDays(draw.between(10, 60));
            if (p.fate() != Fate.ORDINARY || x < 0.6 && !on.isAfter(TO)) {
                all.add(steps.step(new AdoptProposal(p.id(), on)));
                adopted.add(new Decided(p, on));
            } else if (x < 0.9 && !on.isAfter(TO)) {
                all.add(steps.step(new RejectProposal(p.id(), on, "not adopted")));
            }
        }
        return all;
    }

    /** Half of the adopted proposals are implemented, with their economic benefit. */
    List<Step> implementations() {
        List<Step> all = new ArrayList<>();
        for (Decided d : adopted) {
            LocalDate on = d.on().plusDays(draw.between(30, 120));
            if (draw.fraction() < 0.5 && !on.isAfter(TO)) {
                all.add(steps.step(new ImplementProposal(d.proposal().id(), on,
                        BigDecimal.valueOf(draw.between(0, 50_000_000), 2))));
                lastSteps.add(new Decided(d.proposal(), on));
            } else {
                lastSteps.add(d);
            }
        }
        return all;
    }

    /** Those set to be innovation achievements are recognised one to three months after their last step. */
    List<Step> recognitions() {
        List<Step> all = new ArrayList<>();
        for (Decided d : lastSteps) {
            if (d.proposal().fate() == Fate.RECOGNISED) {
                all.add(steps.step(new RecogniseProposal(d.proposal().id(), d.on().plusDays(draw.between(30, 90)))));
            }
        }
        return all;
    }

    /**
     * Operation methods set to be promoted go to one to three enterprises registered by the day
     * (drawn again while the draw falls on one registered later; nine in ten were registered by 2011).
     */
    List<Step> promotions() {
        List<Step> all = new ArrayList<>();
        for (Decided d : lastSteps) {
            if (d.proposal().fate() == Fate.PROMOTED) {
                LocalDate on = d.on().plusDays(draw.between(30, 200));
                List<String> to = new ArrayList<>();
                for (int i = draw.between(1, 3); i > 0; i--) {
                    int enterprise;
                    do {
                        enterprise = draw.between(0, workplaces.liveEnterprises() - 1);
                    } while (!workplaces.registeredBy(enterprise, on));
                    to.add(Ids.enterprise(enterprise));
                }
                all.add(steps.step(new PromoteOperationMethod(d.proposal().id(), to.stream().distinct().toList(), on)));
            }
        }
        return all;
    }
}
