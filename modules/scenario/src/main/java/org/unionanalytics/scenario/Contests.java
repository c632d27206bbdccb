package org.unionanalytics.scenario;

import org.unionanalytics.domain.competition.AwardTitle;
import org.unionanalytics.domain.competition.CloseCompetition;
import org.unionanalytics.domain.competition.CompetitionKind;
import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.competition.GrantAward;
import org.unionanalytics.domain.competition.LaunchCompetition;
import org.unionanalytics.domain.competition.Participant;
import org.unionanalytics.domain.competition.ParticipantKind;
import org.unionanalytics.domain.keyproject.RegisterKeyProject;
import org.unionanalytics.domain.shared.District;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.unionanalytics.scenario.Dates.min;
import static org.unionanalytics.scenario.ReferenceHistory.FROM;
import static org.unionanalytics.scenario.ReferenceHistory.TO;

/** The phases of the labour competitions: key projects, competitions, their participants, awards and closings. */
final class Contests {

    private record Contest(String id, CompetitionKind kind, LocalDate start, LocalDate end, int participants) {
    }

    private final Draw draw;
    private final ReferenceFigures figures;
    private final Steps steps;
    private final Members members;

    private final List<LocalDate> keyProjectStart = new ArrayList<>();
    private final List<Contest> contests = new ArrayList<>();
    /** Index into the stable members of each contest's first participant; its participants follow in a row. */
    private final List<Integer> contestFirst = new ArrayList<>();

    Contests(Draw draw, ReferenceFigures figures, Steps steps, Members members) {
        this.draw = draw;
        this.figures = figures;
        this.steps = steps;
        this.members = members;
    }

    List<Step> keyProjects() {
        List<Step> all = new ArrayList<>();
        for (int k = 0; k < figures.keyProjects(); k++) {
            LocalDate start = draw.date(LocalDate.of(2012, 1, 1), LocalDate.of(2016, 12, 31));
            all.add(steps.step(new RegisterKeyProject(Ids.keyProject(k), "重点工程" + k,
                    District.values()[k % District.values().length], start, start.plusDays(draw.between(365, 1460)))));
            keyProjectStart.add(start);
        }
        return all;
    }

    /**
     * Merit competitions on 11 of 12 key projects; skill contests (30% elite, 70% mass) spread over
     * the five years, with a few before them; five-smalls and campaign contests besides. Organisers are
     * the district and township federations.
     */
    List<Step> competitions() {
        List<Step> all = new ArrayList<>();
        for (int k = 0; k < figures.keyProjectsWithMerit(); k++) {
            LocalDate start = min(keyProjectStart.get(k).plusDays(draw.between(0, 90)), TO.minusDays(30));
            contests.add(new Contest(Ids.id("competition-merit-", k, 5), CompetitionKind.KEY_PROJECT_MERIT, start,
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
            contests.add(new Contest(Ids.id("competition-skill-", c, 6),
                    draw.fraction() < 0.3 ? CompetitionKind.SKILL_ELITE : CompetitionKind.MASS_SKILL, start,
                    start.plusDays(draw.between(7, 60)), (int) Math.max(1, participants[c])));
        }
        long earlier = Math.max(1, figures.scaled(500));
        for (int c = 0; c < earlier; c++) {
            LocalDate start = draw.date(LocalDate.of(2011, 1, 1), LocalDate.of(2012, 6, 30));
            contests.add(new Contest(Ids.id("competition-early-", c, 5), CompetitionKind.MASS_SKILL, start,
                    start.plusDays(30), 20));
        }
        long other = Math.max(2, figures.scaled(2_000));
        for (int c = 0; c < other; c++) {
            LocalDate start = draw.date(FROM, TO.minusDays(1));
            contests.add(new Contest(Ids.id("competition-other-", c, 5),
                    c % 2 == 0 ? CompetitionKind.FIVE_SMALLS : CompetitionKind.SPECIAL_CAMPAIGN, start, start.plusDays(90), 10));
        }
        int merit = 0;
        for (Contest contest : contests) {
            Places.Township organiser = Places.ALL.get(draw.between(0, Places.ALL.size() - 1));
            String organiserId = draw.fraction() < 0.5 ? organiser.federationId() : Places.districtFederationId(organiser.district());
            boolean isMerit = contest.kind() == CompetitionKind.KEY_PROJECT_MERIT;
            all.add(steps.step(new LaunchCompetition(contest.id(), organiserId, contest.kind(), contest.kind() + " " + contest.id(),
                    contest.start(), contest.end(), isMerit ? Ids.keyProject(merit++) : null)));
        }
        return all;
    }

    /**
     * Participants are members who joined before 2012 and stay, a row of them that had all joined by
     * the contest's start; a contest never enrols one twice.
     */
    List<Step> enrolments() {
        List<Step> all = new ArrayList<>();
        for (Contest contest : contests) {
            int size = Math.min(contest.participants(), members.stableCount());
            int first = joinedBy(contest.start(), draw.between(0, members.stableCount() - size), size);
            contestFirst.add(first);
            List<Participant> participants = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                participants.add(new Participant(ParticipantKind.MEMBER, Ids.member(members.stable(first + i))));
            }
            all.add(steps.step(new EnrollParticipants(contest.id(), participants, contest.start())));
        }
        return all;
    }

    /**
     * The first row of {@code size} stable members from {@code from} on (wrapping around) who had all
     * joined by {@code day}. Only some contests before the five years move: every stable member had
     * joined by the end of January 2012.
     */
    private int joinedBy(LocalDate day, int from, int size) {
        int rows = members.stableCount() - size + 1;
        int first = from;
        for (int tried = 0; tried < rows; ) {
            int late = lastJoinedAfter(day, first, size);
            if (late < 0) {
                return first;
            }
            tried += late + 1 - first;
            first = late + 1 < rows ? late + 1 : 0;
        }
        throw new IllegalStateException("no " + size + " stable members in a row had joined by " + day);
    }

    private int lastJoinedAfter(LocalDate day, int first, int size) {
        for (int i = first + size - 1; i >= first; i--) {
            if (members.stableJoinedOn(i).isAfter(day)) {
                return i;
            }
        }
        return -1;
    }

    /** Three prizes in every contest of three or more; a merit builder in every merit competition. */
    List<Step> awards() {
        List<Step> all = new ArrayList<>();
        AwardTitle[] prizes = {AwardTitle.FIRST_PRIZE, AwardTitle.SECOND_PRIZE, AwardTitle.THIRD_PRIZE};
        for (int c = 0; c < contests.size(); c++) {
            Contest contest = contests.get(c);
            LocalDate on = min(contest.end(), TO);
            if (contest.kind() == CompetitionKind.KEY_PROJECT_MERIT) {
                all.add(steps.step(new GrantAward(contest.id(), Ids.member(members.stable(contestFirst.get(c))),
                        AwardTitle.MERIT_BUILDER, on)));
            } else if (contest.participants() >= 3) {
                for (int i = 0; i < 3; i++) {
                    all.add(steps.step(new GrantAward(contest.id(), Ids.member(members.stable(contestFirst.get(c) + i)),
                            prizes[i], on)));
                }
            }
        }
        return all;
    }

    /** Contests that ended by the history's last day are closed on their end. */
    List<Step> closings() {
        List<Step> all = new ArrayList<>();
        for (Contest contest : contests) {
            if (!contest.end().isAfter(TO)) {
                all.add(steps.step(new CloseCompetition(contest.id(), contest.end())));
            }
        }
        return all;
    }
}
