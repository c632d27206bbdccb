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
 * grassroots panel is the {@code areas} cube in total, the economy panel the key projects of the
 * period and the {@code economy} cube's flows within it. Its three questions are independent, so
 * they are asked at once.
 */
public final class ReportQuery {

    private final CubeEngine cubes;
    private final Executor questions;

    /** @param questions runs the report's questions; each takes a read-model connection of its own */
    public ReportQuery(CubeEngine cubes, Executor questions) {
        this.cubes = cubes;
        this.questions = questions;
    }

    /** The report's three questions, as the cubes are asked them. */
    public record Questions(CubeQuery areas, CubeQuery keyProjects, CubeQuery economy) {

        public List<CubeQuery> all() {
            return List.of(areas, keyProjects, economy);
        }
    }

    /**
     * @param asOf    the date of the stock figures; {@code to} when null
     * @param knownAt the last event position to count; everything when null
     */
    public static Questions questions(LocalDate from, LocalDate to, LocalDate asOf, Long knownAt) {
        return new Questions(
                total("areas", List.of("townships", "townshipsWithFederation", "unions", "enterprisesRegistered",
                        "enterprisesCovered", "workers", "members", "establishmentRate", "membershipRate"),
                        List.of(), asOf == null ? to : asOf, knownAt),
                total("keyProjects", List.of("keyProjects", "withMeritCompetition", "meritCoverage"),
                        List.of(new Condition("endsOn", Operator.GTE, List.of(from))), to, knownAt),
                total("economy", List.of("skillContests", "skillContestParticipations", "rationalizationProposals",
                                "innovationAchievements", "operationMethodsPromoted"),
                        List.of(new Condition("countedOn", Operator.IN_DATE_RANGE, List.of(from, to))), to, knownAt));
    }

    /** The report of the period; see {@link #questions} for the dates. */
    public Report report(LocalDate from, LocalDate to, LocalDate asOf, Long knownAt) {
        checkPeriod(from, to);
        Questions asked = questions(from, to, asOf, knownAt);
        var areas = ask(asked.areas());
        var keyProjects = ask(asked.keyProjects());
        var economy = ask(asked.economy());

        Map<String, Object> grassroots = Futures.answer(areas);
        Map<String, Object> projects = Futures.answer(keyProjects);
        Map<String, Object> flows = Futures.answer(economy);
        var grassrootsPanel = new Report.Grassroots(number(grassroots, "unions"), number(grassroots, "enterprisesCovered"),
                number(grassroots, "enterprisesRegistered"), number(grassroots, "workers"), number(grassroots, "members"),
                (Double) grassroots.get("establishmentRate"), (Double) grassroots.get("membershipRate"),
                number(grassroots, "townships"), number(grassroots, "townshipsWithFederation"));
        var economyPanel = new Report.Economy((Double) projects.get("meritCoverage"), number(projects, "keyProjects"),
                number(projects, "withMeritCompetition"), number(flows, "skillContests"),
                number(flows, "skillContestParticipations"), number(flows, "rationalizationProposals"),
                number(flows, "innovationAchievements"), number(flows, "operationMethodsPromoted"));
        return new Report(from, to, grassrootsPanel, economyPanel);
    }

    /** Refuses a period that ends before it starts. */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report period starts on " + from + ", after its end " + to);
        }
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
