package org.unionanalytics.readmodel.query;

import org.unionanalytics.readmodel.cube.CubeEngine;
import org.unionanalytics.readmodel.cube.CubeQuery;
import org.unionanalytics.readmodel.cube.Filter;
import org.unionanalytics.readmodel.cube.Filter.Condition;
import org.unionanalytics.readmodel.cube.Filter.Operator;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The report, asked of the same cubes analysts query, so that the two always agree: the
 * grassroots panel is the {@code areas} cube in total, the economy panel counts competitions,
 * participations, key projects and proposals of the period.
 */
public final class ReportQuery {

    private final CubeEngine cubes;

    public ReportQuery(CubeEngine cubes) {
        this.cubes = cubes;
    }

    /**
     * @param asOf    the date of the stock figures; {@code to} when null
     * @param knownAt the last event position to count; everything when null
     */
    public Report report(LocalDate from, LocalDate to, LocalDate asOf, Long knownAt) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report period starts on " + from + ", after its end " + to);
        }
        Map<String, Object> areas = total("areas", List.of("townships", "townshipsWithFederation", "unions",
                "enterprisesRegistered", "enterprisesCovered", "workers", "members", "establishmentRate", "membershipRate"),
                List.of(), asOf == null ? to : asOf, knownAt);
        Map<String, Object> keyProjects = total("keyProjects", List.of("keyProjects", "withMeritCompetition", "meritCoverage"),
                List.of(new Condition("endsOn", Operator.GTE, List.of(from))), to, knownAt);
        Condition skill = new Condition("skillContest", Operator.EQUALS, List.of(true));
        long skillContests = count("competitions", "competitions", List.of(skill, within("startsOn", from, to)), to, knownAt);
        long participations = count("participations", "participations",
                List.of(skill, within("competitionStartsOn", from, to)), to, knownAt);
        long proposals = count("proposals", "proposals", List.of(new Condition("category", Operator.EQUALS,
                List.of("RATIONALIZATION")), within("submittedOn", from, to)), to, knownAt);
        long achievements = count("proposals", "achievements", List.of(within("recognisedOn", from, to)), to, knownAt);
        long promoted = count("proposals", "methodsPromoted", List.of(within("promotedOn", from, to)), to, knownAt);

        var grassroots = new Report.Grassroots(number(areas, "unions"), number(areas, "enterprisesCovered"),
                number(areas, "enterprisesRegistered"), number(areas, "workers"), number(areas, "members"),
                (Double) areas.get("establishmentRate"), (Double) areas.get("membershipRate"),
                number(areas, "townships"), number(areas, "townshipsWithFederation"));
        var economy = new Report.Economy((Double) keyProjects.get("meritCoverage"), number(keyProjects, "keyProjects"),
                number(keyProjects, "withMeritCompetition"), skillContests, participations, proposals, achievements, promoted);
        return new Report(from, to, grassroots, economy);
    }

    private static Condition within(String date, LocalDate from, LocalDate to) {
        return new Condition(date, Operator.IN_DATE_RANGE, List.of(from, to));
    }

    private long count(String cube, String measure, List<Filter> where, LocalDate on, Long knownAt) {
        return number(total(cube, List.of(measure), where, on, knownAt), measure);
    }

    private Map<String, Object> total(String cube, List<String> measures, List<Filter> where, LocalDate on, Long knownAt) {
        return cubes.run(new CubeQuery(cube, List.of(), List.of(), measures, where.isEmpty() ? null : new Filter.And(where),
                List.of(), 1, 0, on, knownAt, CubeEngine.defaultZone())).get(0);
    }

    private static long number(Map<String, Object> row, String measure) {
        Object value = row.get(measure);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
