package org.unionanalytics.readmodel.query;

import org.unionanalytics.readmodel.Futures;
import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.cube.Filter;
import org.unionanalytics.readmodel.cube.Filter.Condition;
import org.unionanalytics.readmodel.cube.Filter.Operator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The report, asked of the same cubes analysts query, so that the two always agree: the
 * grassroots panel is the {@code areas} cube in total, the economy panel counts competitions,
 * participations, key projects and proposals of the period. Its seven questions are small and
 * independent, so they are asked at once (a third faster on two cores than one after another).
 */
public final class ReportQuery {

    private final CubeEngine cubes;
    private final Executor questions;

    /** @param questions runs the report's questions; each takes a read-model connection of its own */
    public ReportQuery(CubeEngine cubes, Executor questions) {
        this.cubes = cubes;
        this.questions = questions;
    }

    /** The report's seven questions, as the cubes are asked them. */
    public record Questions(CubeQuery areas, CubeQuery keyProjects, CubeQuery skillContests, CubeQuery participations,
                            CubeQuery proposals, CubeQuery achievements, CubeQuery promoted) {

        public List<CubeQuery> all() {
            return List.of(areas, keyProjects, skillContests, participations, proposals, achievements, promoted);
        }
    }

    /**
     * @param asOf    the date of the stock figures; {@code to} when null
     * @param knownAt the last event position to count; everything when null
     */
    public static Questions questions(LocalDate from, LocalDate to, LocalDate asOf, Long knownAt) {
        Condition skill = new Condition("skillContest", Operator.EQUALS, List.of(true));
        return new Questions(
                total("areas", List.of("townships", "townshipsWithFederation", "unions", "enterprisesRegistered",
                        "enterprisesCovered", "workers", "members", "establishmentRate", "membershipRate"),
                        List.of(), asOf == null ? to : asOf, knownAt),
                total("keyProjects", List.of("keyProjects", "withMeritCompetition", "meritCoverage"),
                        List.of(new Condition("endsOn", Operator.GTE, List.of(from))), to, knownAt),
                total("competitions", List.of("competitions"), List.of(skill, within("startsOn", from, to)), to, knownAt),
                total("participations", List.of("participations"),
                        List.of(skill, within("competitionStartsOn", from, to)), to, knownAt),
                total("proposals", List.of("proposals"), List.of(new Condition("category", Operator.EQUALS,
                        List.of("RATIONALIZATION")), within("submittedOn", from, to)), to, knownAt),
                total("proposals", List.of("achievements"), List.of(within("recognisedOn", from, to)), to, knownAt),
                total("proposals", List.of("methodsPromoted"), List.of(within("promotedOn", from, to)), to, knownAt));
    }

    /** The report of the period; see {@link #questions} for the dates. */
    public Report report(LocalDate from, LocalDate to, LocalDate asOf, Long knownAt) {
        checkPeriod(from, to);
        Questions asked = questions(from, to, asOf, knownAt);
        var areas = ask(asked.areas());
        var keyProjects = ask(asked.keyProjects());
        var skillContests = count(asked.skillContests());
        var participations = count(asked.participations());
        var proposals = count(asked.proposals());
        var achievements = count(asked.achievements());
        var promoted = count(asked.promoted());

        Map<String, Object> grassroots = Futures.answer(areas);
        Map<String, Object> projects = Futures.answer(keyProjects);
        var grassrootsPanel = new Report.Grassroots(number(grassroots, "unions"), number(grassroots, "enterprisesCovered"),
                number(grassroots, "enterprisesRegistered"), number(grassroots, "workers"), number(grassroots, "members"),
                (Double) grassroots.get("establishmentRate"), (Double) grassroots.get("membershipRate"),
                number(grassroots, "townships"), number(grassroots, "townshipsWithFederation"));
        var economy = new Report.Economy((Double) projects.get("meritCoverage"), number(projects, "keyProjects"),
                number(projects, "withMeritCompetition"), Futures.answer(skillContests), Futures.answer(participations), Futures.answer(proposals),
                Futures.answer(achievements), Futures.answer(promoted));
        return new Report(from, to, grassrootsPanel, economy);
    }

    /** Refuses a period that ends before it starts. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report period starts on " + from + ", after its end " + to);
        }
    }

    private static Condition within(String date, LocalDate from, LocalDate to) {
        return new Condition(date, Operator.IN_DATE_RANGE, List.of(from, to));
    }

    private CompletableFuture<Long> count(CubeQuery query) {
        String measure = query.measures().get(0);
        return ask(query).thenApply(row -> number(row, measure));
    }

    private CompletableFuture<Map<String, Object>> ask(CubeQuery query) {
        var kept = cubes.kept(query);
        if (kept != null) {
            // handing a kept answer to another thread would cost more than taking it here
            return CompletableFuture.completedFuture(kept.get(0));
        }
        return CompletableFuture.supplyAsync(() -> cubes.run(query).get(0), questions);
    }

    private static CubeQuery total(String cube, List<String> measures, List<Filter> where, LocalDate on, Long knownAt) {
        return new CubeQuery(cube, List.of(), List.of(), measures, where.isEmpty() ? null : new Filter.And(where),
                List.of(), 1, 0, on, knownAt, CubeEngine.defaultZone());
    }

    private static long number(Map<String, Object> row, String measure) {
        Object value = row.get(measure);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
