package org.unionanalytics.scenario;

import org.unionanalytics.domain.competition.AwardTitle;
import org.unionanalytics.domain.competition.CloseCompetition;
import org.unionanalytics.domain.competition.CompetitionKind;
import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.competition.GrantAward;
import org.unionanalytics.domain.competition.LaunchCompetition;
import org.unionanalytics.domain.competition.Participant;
import org.unionanalytics.domain.competition.ParticipantKind;
import org.unionanalytics.domain.enterprise.DeregisterEnterprise;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.RegisterEnterprise;
import org.unionanalytics.domain.enterprise.ReportWorkforce;
import org.unionanalytics.domain.keyproject.RegisterKeyProject;
import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;
import org.unionanalytics.domain.membership.TransferMember;
import org.unionanalytics.domain.proposal.AdoptProposal;
import org.unionanalytics.domain.proposal.ImplementProposal;
import org.unionanalytics.domain.proposal.PromoteOperationMethod;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.RecogniseProposal;
import org.unionanalytics.domain.proposal.RejectProposal;
import org.unionanalytics.domain.proposal.SubmitProposal;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.DissolveUnion;
import org.unionanalytics.domain.union.EstablishUnion;
import org.unionanalytics.domain.union.RegionalSubkind;
import org.unionanalytics.domain.union.UnionKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * The Ningbo federation's history from before 2012-10-01 to 2017-09-21, as commands that pass
 * every rule, generated from a seed and a scale. At scale 1 the report's phase-1 figures come out
 * exactly as DOMAIN.md states them ("at least" figures exactly at their floor). Phases are built one
 * at a time, in order, from one random stream, so a seed and a scale always give the same history.
 * The distributions are described where they are drawn.
 */
public final class ReferenceHistory implements Iterator<List<Step>> {

    public static final LocalDate FROM = LocalDate.of(2012, 10, 1);
    public static final LocalDate TO = LocalDate.of(2017, 9, 21);
    private static final LocalDate EARLY = LocalDate.of(2011, 12, 31);

    private static final Ownership[] OWNERSHIPS = Ownership.values();
    private static final double[] OWNERSHIP_WEIGHTS = Draw.cumulative(5, 5, 75, 8, 5, 2);
    private static final Industry[] INDUSTRIES = Industry.values();
    private static final double[] INDUSTRY_WEIGHTS = Draw.cumulative(1, 1, 45, 2, 8, 12, 5, 5, 3, 1, 2, 4, 2, 1, 3, 2, 1, 1, 1);

    private final Draw draw;
    private final ReferenceFigures figures;
    private final String idPrefix;
    private final List<Supplier<List<Step>>> phases;
    private int phase;
    private int sequence;

    // what later phases need to know of earlier ones
    private int liveEnterprises;
    private Places.Township[] enterprisePlace;
    private LocalDate[] registeredOn;
    private long[] headcount;
    private Union[] unions;
    private int dissolved;
    private long[] memberStart;
    private int[] stableMembers;
    private int stableCount;
    private long nextMember;

    private record Union(String id, UnionKind kind, Places.Township place, LocalDate foundedOn, int[] enterprises) {
    }

    public ReferenceHistory(long seed, double scale) {
        this.draw = new Draw(seed);
        this.figures = new ReferenceFigures(scale);
        this.idPrefix = "ref-" + seed + "-" + scale + "-";
        this.phases = List.of(this::municipalFederation, this::districtFederations, this::townshipFederations,
                this::enterprises, this::workforce, this::deregistrations,
                this::unions, this::rosters, this::churn, this::dissolutions, this::keyProjects, this::competitions,
                this::enrolments, this::awards, this::closings, this::proposals, this::decisions, this::implementations,
                this::recognitions, this::promotions);
    }

    @Override
    public boolean hasNext() {
        return phase < phases.size();
    }

    @Override
    public List<Step> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        sequence = 0;
        return phases.get(phase++).get();
    }

    private Step step(Object command) {
        return new Step(phase, idPrefix + phase + "-" + sequence++, command);
    }

    /** The federation tree: the municipal federation, 15 district federations, one in each of the 154 townships. */
    private List<Step> municipalFederation() {
        return List.of(step(new EstablishUnion("union-ningbo", "宁波市总工会", UnionKind.MUNICIPAL_FEDERATION, null, null,
                null, null, LocalDate.of(1950, 1, 1), List.of())));
    }

    private List<Step> districtFederations() {
        List<Step> steps = new ArrayList<>();
        for (District district : District.values()) {
            steps.add(step(new EstablishUnion(Places.districtFederationId(district), district.chineseName() + "总工会",
                    UnionKind.DISTRICT_FEDERATION, null, district, null, "union-ningbo", LocalDate.of(1951, 1, 1), List.of())));
        }
        return steps;
    }

    private List<Step> townshipFederations() {
        List<Step> steps = new ArrayList<>();
        for (Places.Township township : Places.ALL) {
            steps.add(step(new EstablishUnion(township.federationId(), township.code() + "总工会",
                    UnionKind.TOWNSHIP_FEDERATION, null, township.district(), township.code(),
                    Places.districtFederationId(township.district()), LocalDate.of(1985, 1, 1), List.of())));
        }
        return steps;
    }

    /** Enterprises, registered mostly before 2011 and a tenth since, spread evenly over the townships. */
    private List<Step> enterprises() {
        List<Step> steps = new ArrayList<>();
        int total = (int) (figures.enterprisesRegistered() + deregisteredCount());
        liveEnterprises = (int) figures.enterprisesRegistered();
        enterprisePlace = new Places.Township[total];
        registeredOn = new LocalDate[total];
        for (int e = 0; e < total; e++) {
            enterprisePlace[e] = Places.ALL.get(draw.between(0, Places.ALL.size() - 1));
            registeredOn[e] = draw.fraction() < 0.9 ? draw.date(LocalDate.of(1995, 1, 1), LocalDate.of(2010, 12, 31))
                    : draw.date(LocalDate.of(2011, 1, 1), LocalDate.of(2016, 12, 31));
            steps.add(step(new RegisterEnterprise(enterpriseId(e), "企业" + e, OWNERSHIPS[draw.weighted(OWNERSHIP_WEIGHTS)],
                    INDUSTRIES[draw.weighted(INDUSTRY_WEIGHTS)], enterprisePlace[e].district(), enterprisePlace[e].code(),
                    registeredOn[e])));
        }
        return steps;
    }

    private long deregisteredCount() {
        return Math.max(1, Math.round(figures.enterprisesCovered() * 0.01));
    }

    private static String enterpriseId(int e) {
        return id("enterprise-", e, 7);
    }

    /** Each enterprise's workforce: heavy-tailed, summing to the workers exactly. */
    private List<Step> workforce() {
        List<Step> steps = new ArrayList<>();
        double[] weights = new double[liveEnterprises];
        for (int e = 0; e < liveEnterprises; e++) {
            double x = draw.fraction();
            weights[e] = 1 + 60 * x * x * x;
        }
        headcount = Draw.apportion(figures.workers(), weights);
        for (int e = 0; e < enterprisePlace.length; e++) {
            long count = e < liveEnterprises ? headcount[e] : draw.between(5, 50);
            steps.add(step(new ReportWorkforce(enterpriseId(e), (int) count, registeredOn[e])));
        }
        return steps;
    }

    /** One enterprise in a hundred closed down before 2017 and is no longer registered. */
    private List<Step> deregistrations() {
        List<Step> steps = new ArrayList<>();
        for (int e = liveEnterprises; e < enterprisePlace.length; e++) {
            steps.add(step(new DeregisterEnterprise(enterpriseId(e),
                    draw.date(max(registeredOn[e], LocalDate.of(2013, 1, 1)), LocalDate.of(2016, 12, 31)))));
        }
        return steps;
    }

    /**
     * Grassroots unions: 70% of one enterprise, 15% joint, 10% regional, 5% industry; every covered
     * enterprise is covered from its union's founding, shortly after its own registration. One
     * union in a hundred more is founded without coverage and dissolved in 2015.
     */
    private List<Step> unions() {
        int n = (int) figures.unions();
        int covered = (int) figures.enterprisesCovered();
        int enterpriseUnions = (int) Math.round(n * 0.70);
        int joint = (int) Math.round(n * 0.15);
        int regional = (int) Math.round(n * 0.10);
        dissolved = (int) Math.max(1, Math.round(n * 0.01));
        double[] sizes = new double[n - enterpriseUnions];
        Arrays.fill(sizes, 1);
        long[] extra = Draw.apportion(covered - n, weightsOf(sizes.length));
        unions = new Union[n + dissolved];
        int nextEnterprise = 0;
        List<Step> steps = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            UnionKind kind = u < enterpriseUnions ? UnionKind.ENTERPRISE : u < enterpriseUnions + joint ? UnionKind.JOINT
                    : u < enterpriseUnions + joint + regional ? UnionKind.REGIONAL : UnionKind.INDUSTRY;
            int count = kind == UnionKind.ENTERPRISE ? 1 : 1 + (int) extra[u - enterpriseUnions];
            int[] covers = new int[count];
            LocalDate latest = LocalDate.MIN;
            for (int i = 0; i < count; i++) {
                covers[i] = nextEnterprise++;
                latest = max(latest, registeredOn[covers[i]]);
            }
            LocalDate founded = min(latest.plusDays(draw.between(30, 400)), LocalDate.of(2017, 6, 30));
            Places.Township place = enterprisePlace[covers[0]];
            unions[u] = new Union(id("union-", u, 6), kind, place, founded, covers);
            steps.add(step(new EstablishUnion(unions[u].id(), "基层工会" + u, kind,
                    kind == UnionKind.REGIONAL ? RegionalSubkind.values()[u % 4] : null, place.district(), place.code(),
                    place.federationId(), founded, Arrays.stream(covers).mapToObj(ReferenceHistory::enterpriseId).toList())));
        }
        for (int u = n; u < n + dissolved; u++) {
            Places.Township place = Places.ALL.get(u % Places.ALL.size());
            unions[u] = new Union(id("union-", u, 6), UnionKind.JOINT, place, LocalDate.of(2008, 3, 1), new int[0]);
            steps.add(step(new EstablishUnion(unions[u].id(), "基层工会" + u, UnionKind.JOINT, null, place.district(),
                    place.code(), place.federationId(), unions[u].foundedOn(), List.of())));
        }
        return steps;
    }

    private double[] weightsOf(int length) {
        double[] weights = new double[length];
        for (int i = 0; i < length; i++) {
            weights[i] = 0.2 + draw.fraction() * draw.fraction() * 3;
        }
        return weights;
    }

    private int leavers() {
        return (int) Math.round(figures.members() * 0.03);
    }

    private int transfers() {
        return (int) Math.round(figures.members() * 0.02);
    }

    /**
     * Rosters of the generated history hold at most this many members; the domain takes 10,000. It
     * stays at the size the history was first generated with: another size would regroup the rosters
     * and renumber their commands, and an interrupted import resumes by command id.
     */
    static final int ROSTER = 1_000;

    /**
     * Members join their union a month after its founding, in rosters of at most {@link #ROSTER}; a union's
     * share of members follows the workforce it covers. The members of a union are numbered in a
     * row: the last few of each will leave, the few before them will transfer.
     */
    private List<Step> rosters() {
        int n = (int) figures.unions();
        double[] workforce = new double[n];
        for (int u = 0; u < n; u++) {
            for (int e : unions[u].enterprises()) {
                workforce[u] += headcount[e];
            }
        }
        long[] quota = Draw.apportion(figures.members() + leavers(), workforce);
        memberStart = new long[n + dissolved + 1];
        List<Step> steps = new ArrayList<>();
        nextMember = 0;
        for (int u = 0; u < n + dissolved; u++) {
            memberStart[u] = nextMember;
            long count = u < n ? quota[u] : 20;
            for (long first = 0; first < count; first += ROSTER) {
                List<String> roster = new ArrayList<>();
                for (long m = first; m < Math.min(count, first + ROSTER); m++) {
                    roster.add(memberId(nextMember + m));
                }
                steps.add(step(new EnrollMembers(unions[u].id(), roster, unions[u].foundedOn().plusDays(30))));
            }
            nextMember += count;
        }
        memberStart[n + dissolved] = nextMember;
        return steps;
    }

    /** {@code prefix} then {@code number} zero-padded to {@code width} digits; String.format took a sixth of the import's CPU. */
    private static String id(String prefix, long number, int width) {
        String digits = Long.toString(number);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    private static String memberId(long m) {
        return id("member-", m, 8);
    }

    /** Leavers and transfers, apportioned to the unions founded before 2012 by their size. */
    private List<Step> churn() {
        int n = (int) figures.unions();
        double[] sizes = new double[n];
        for (int u = 0; u < n; u++) {
            sizes[u] = unions[u].foundedOn().isAfter(EARLY) ? 0 : memberStart[u + 1] - memberStart[u];
        }
        long[] leaving = Draw.apportion(leavers(), sizes);
        long[] moving = Draw.apportion(transfers(), sizes);
        int[] oldUnions = java.util.stream.IntStream.range(0, n).filter(u -> !unions[u].foundedOn().isAfter(EARLY)).toArray();
        stableMembers = new int[(int) memberStart[n]];
        stableCount = 0;
        List<Step> steps = new ArrayList<>();
        int target = 0;
        for (int u = 0; u < n; u++) {
            long end = memberStart[u + 1];
            long leaveFrom = end - leaving[u];
            long moveFrom = leaveFrom - moving[u];
            for (long m = memberStart[u]; m < end; m++) {
                if (m >= leaveFrom) {
                    steps.add(step(new LeaveUnion(memberId(m), draw.date(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 6, 30)))));
                } else if (m >= moveFrom) {
                    do {
                        target = (target + 1) % oldUnions.length;
                    } while (oldUnions[target] == u);
                    steps.add(step(new TransferMember(memberId(m), unions[oldUnions[target]].id(),
                            draw.date(LocalDate.of(2013, 1, 1), LocalDate.of(2017, 6, 30)))));
                } else if (!unions[u].foundedOn().isAfter(EARLY)) {
                    stableMembers[stableCount++] = (int) m;
                }
            }
        }
        return steps;
    }

    private List<Step> dissolutions() {
        List<Step> steps = new ArrayList<>();
        for (int u = (int) figures.unions(); u < unions.length; u++) {
            steps.add(step(new DissolveUnion(unions[u].id(), LocalDate.of(2015, 6, 30))));
        }
        return steps;
    }

    private List<Step> keyProjects() {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < figures.keyProjects(); k++) {
            LocalDate start = draw.date(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 12, 31));
            steps.add(step(new RegisterKeyProject(keyProjectId(k), "重点工程" + k,
                    District.values()[k % District.values().length], start, start.plusDays(draw.between(365, 1460)))));
            keyProjectStart.add(start);
        }
        return steps;
    }

    private final List<LocalDate> keyProjectStart = new ArrayList<>();

    private static String keyProjectId(int k) {
        return id("keyproject-", k, 5);
    }

    private record Contest(String id, CompetitionKind kind, LocalDate start, LocalDate end, int participants) {
    }

    /** Index into the stable members of each contest's first participant; its participants follow in a row. */
    private final List<Integer> contestFirst = new ArrayList<>();

    private final List<Contest> contests = new ArrayList<>();

    /**
     * Merit competitions on 11 of 12 key projects; skill contests (30% elite, 70% mass) spread over
     * the five years, with a few before them; five-smalls and campaign contests besides. Organisers are
     * the district and township federations.
     */
    private List<Step> competitions() {
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < figures.keyProjectsWithMerit(); k++) {
            LocalDate start = min(keyProjectStart.get(k).plusDays(draw.between(0, 90)), TO.minusDays(30));
            contests.add(new Contest(id("competition-merit-", k, 5), CompetitionKind.KEY_PROJECT_MERIT, start,
                    start.plusDays(180), 10));
        }
        int skill = (int) figures.skillContests();
        double[] sizes = new double[skill];
        for (int c = 0; c < skill; c++) {
            sizes[c] = 1 + 9 * draw.fraction() * draw.fraction();
        }
        long[] participants = Draw.apportion(figures.skillContestParticipations(), sizes);
        for (int c = 0; c < skill; c++) {
            LocalDate start = draw.date(FROM, TO.minusDays(1));
            contests.add(new Contest(id("competition-skill-", c, 6),
                    draw.fraction() < 0.3 ? CompetitionKind.SKILL_ELITE : CompetitionKind.MASS_SKILL, start,
                    start.plusDays(draw.between(7, 60)), (int) Math.max(1, participants[c])));
        }
        long earlier = Math.max(1, figures.scaled(500));
        for (int c = 0; c < earlier; c++) {
            LocalDate start = draw.date(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 6, 30));
            contests.add(new Contest(id("competition-early-", c, 5), CompetitionKind.MASS_SKILL, start,
                    start.plusDays(30), 20));
        }
        long other = Math.max(2, figures.scaled(2_000));
        for (int c = 0; c < other; c++) {
            LocalDate start = draw.date(FROM, TO.minusDays(1));
            contests.add(new Contest(id("competition-other-", c, 5),
                    c % 2 == 0 ? CompetitionKind.FIVE_SMALLS : CompetitionKind.SPECIAL_CAMPAIGN, start, start.plusDays(90), 10));
        }
        int merit = 0;
        for (Contest contest : contests) {
            Places.Township organiser = Places.ALL.get(draw.between(0, Places.ALL.size() - 1));
            String organiserId = draw.fraction() < 0.5 ? organiser.federationId() : Places.districtFederationId(organiser.district());
            boolean isMerit = contest.kind() == CompetitionKind.KEY_PROJECT_MERIT;
            steps.add(step(new LaunchCompetition(contest.id(), organiserId, contest.kind(), contest.kind() + " " + contest.id(),
                    contest.start(), contest.end(), isMerit ? keyProjectId(merit++) : null)));
        }
        return steps;
    }

    /** Participants are members who joined before 2012 and stay; a contest never enrols one twice. */
    private List<Step> enrolments() {
        List<Step> steps = new ArrayList<>();
        for (Contest contest : contests) {
            int size = Math.min(contest.participants(), stableCount);
            int first = draw.between(0, stableCount - size);
            contestFirst.add(first);
            List<Participant> participants = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                participants.add(new Participant(ParticipantKind.MEMBER, memberId(stableMembers[first + i])));
            }
            steps.add(step(new EnrollParticipants(contest.id(), participants, contest.start())));
        }
        return steps;
    }

    /** Three prizes in every contest of three or more; a merit builder in every merit competition. */
    private List<Step> awards() {
        List<Step> steps = new ArrayList<>();
        AwardTitle[] prizes = {AwardTitle.FIRST_PRIZE, AwardTitle.SECOND_PRIZE, AwardTitle.THIRD_PRIZE};
        for (int c = 0; c < contests.size(); c++) {
            Contest contest = contests.get(c);
            LocalDate on = min(contest.end(), TO);
            if (contest.kind() == CompetitionKind.KEY_PROJECT_MERIT) {
                steps.add(step(new GrantAward(contest.id(), memberId(stableMembers[contestFirst.get(c)]),
                        AwardTitle.MERIT_BUILDER, on)));
            } else if (contest.participants() >= 3) {
                for (int i = 0; i < 3; i++) {
                    steps.add(step(new GrantAward(contest.id(), memberId(stableMembers[contestFirst.get(c) + i]), prizes[i], on)));
                }
            }
        }
        return steps;
    }

    private List<Step> closings() {
        List<Step> steps = new ArrayList<>();
        for (Contest contest : contests) {
            if (!contest.end().isAfter(TO)) {
                steps.add(step(new CloseCompetition(contest.id(), contest.end())));
            }
        }
        return steps;
    }

    private record Submitted(String id, ProposalCategory category, LocalDate on, Fate fate) {
    }

    private enum Fate { RECOGNISED, PROMOTED, ORDINARY }

    private final List<Submitted> proposals = new ArrayList<>();

    /**
     * Rationalization proposals spread over the five years (and some before), operation methods and
     * five-smalls proposals besides. The first of them are set to be recognised as innovation
     * achievements or promoted, and are submitted early enough for their whole lifecycle to fit.
     */
    private List<Step> proposals() {
        List<Step> steps = new ArrayList<>();
        long rationalization = figures.rationalizationProposals();
        long recognised = figures.innovationAchievements();
        long promoted = figures.operationMethodsPromoted();
        long methods = Math.max(promoted, figures.scaled(6_000));
        long smalls = figures.scaled(20_000);
        long earlier = figures.scaled(10_000);
        LocalDate latestForFate = TO.minusDays(400);
        for (long p = 0; p < rationalization; p++) {
            Fate fate = p < recognised ? Fate.RECOGNISED : Fate.ORDINARY;
            add(steps, ProposalCategory.RATIONALIZATION, draw.date(FROM, fate == Fate.ORDINARY ? TO : latestForFate), fate);
        }
        for (long p = 0; p < methods; p++) {
            Fate fate = p < promoted ? Fate.PROMOTED : Fate.ORDINARY;
            add(steps, ProposalCategory.OPERATION_METHOD, draw.date(FROM, fate == Fate.ORDINARY ? TO : latestForFate), fate);
        }
        ProposalCategory[] smallKinds = {ProposalCategory.SMALL_INVENTION, ProposalCategory.SMALL_RENOVATION,
                ProposalCategory.SMALL_DESIGN, ProposalCategory.SMALL_REFORM};
        for (long p = 0; p < smalls; p++) {
            add(steps, smallKinds[(int) (p % 4)], draw.date(FROM, TO), Fate.ORDINARY);
        }
        for (long p = 0; p < earlier; p++) {
            add(steps, ProposalCategory.RATIONALIZATION, draw.date(LocalDate.of(2011, 1, 1), FROM.minusDays(1)), Fate.ORDINARY);
        }
        return steps;
    }

    private void add(List<Step> steps, ProposalCategory category, LocalDate on, Fate fate) {
        String id = id("proposal-", proposals.size(), 7);
        int member = stableMembers[draw.between(0, stableCount - 1)];
        int union = unionOf(member);
        proposals.add(new Submitted(id, category, on, fate));
        steps.add(step(new SubmitProposal(id, memberId(member), unions[union].id(), enterpriseId(unions[union].enterprises()[0]),
                category, category + " " + id, on)));
    }

    /** The union whose row of members holds {@code member}: the last union starting at or before it. */
    private int unionOf(long member) {
        int low = 0;
        int high = memberStart.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (memberStart[middle] <= member) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Three in five are adopted and three in ten rejected, a month or two after submission; the rest wait. */
    private List<Step> decisions() {
        List<Step> steps = new ArrayList<>();
        for (Submitted p : proposals) {
            double x = draw.fraction();
            LocalDate on = p.on().plusDays(draw.between(10, 60));
            if (p.fate() != Fate.ORDINARY || x < 0.6 && !on.isAfter(TO)) {
                steps.add(step(new AdoptProposal(p.id(), on)));
                decided.add(new Decided(p, on));
            } else if (x < 0.9 && !on.isAfter(TO)) {
                steps.add(step(new RejectProposal(p.id(), on, "not adopted")));
            }
        }
        return steps;
    }

    private record Decided(Submitted proposal, LocalDate on) {
    }

    private final List<Decided> decided = new ArrayList<>();
    private final List<Decided> lastSteps = new ArrayList<>();

    /** Half of the adopted proposals are implemented, with their economic benefit. */
    private List<Step> implementations() {
        List<Step> steps = new ArrayList<>();
        for (Decided d : decided) {
            LocalDate on = d.on().plusDays(draw.between(30, 120));
            if (draw.fraction() < 0.5 && !on.isAfter(TO)) {
                steps.add(step(new ImplementProposal(d.proposal().id(), on,
                        BigDecimal.valueOf(draw.between(0, 50_000_000), 2))));
                lastSteps.add(new Decided(d.proposal(), on));
            } else {
                lastSteps.add(d);
            }
        }
        return steps;
    }

    private List<Step> recognitions() {
        List<Step> steps = new ArrayList<>();
        for (Decided d : lastSteps) {
            if (d.proposal().fate() == Fate.RECOGNISED) {
                steps.add(step(new RecogniseProposal(d.proposal().id(), d.on().plusDays(draw.between(30, 90)))));
            }
        }
        return steps;
    }

    private List<Step> promotions() {
        List<Step> steps = new ArrayList<>();
        for (Decided d : lastSteps) {
            if (d.proposal().fate() == Fate.PROMOTED) {
                List<String> to = new ArrayList<>();
                for (int i = draw.between(1, 3); i > 0; i--) {
                    to.add(enterpriseId(draw.between(0, liveEnterprises - 1)));
                }
                steps.add(step(new PromoteOperationMethod(d.proposal().id(), to.stream().distinct().toList(),
                        d.on().plusDays(draw.between(30, 200)))));
            }
        }
        return steps;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
