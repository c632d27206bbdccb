package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.query.Views;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.unionanalytics.readmodel.cube.Member.dimension;
import static org.unionanalytics.readmodel.cube.Member.measure;
import static org.unionanalytics.readmodel.cube.Member.time;
import static org.unionanalytics.readmodel.cube.Member.timestamp;
import static org.unionanalytics.readmodel.cube.ValueType.BOOLEAN;
import static org.unionanalytics.readmodel.cube.ValueType.INTEGER;
import static org.unionanalytics.readmodel.cube.ValueType.MONEY;
import static org.unionanalytics.readmodel.cube.ValueType.RATE;
import static org.unionanalytics.readmodel.cube.ValueType.STRING;

/** The cubes analysts query, under {@code analytics} in the GraphQL API. */
public final class Cubes {

    private static final Member RECORDED_AT = timestamp("recordedAt", "f.recorded_at");

    /** Enterprises and workforce slice the same facts: registered enterprises on the date. */
    private static final List<Member> ENTERPRISE_DIMENSIONS = List.of(
            dimension("district", "f.district", STRING),
            dimension("township", "f.township", STRING),
            dimension("ownership", "f.ownership", STRING),
            dimension("industry", "f.industry", STRING),
            dimension("covered", "f.covered", BOOLEAN),
            dimension("coveringUnionKind", "f.covering_union_kind", STRING),
            time("registeredOn", "f.registered_on"));

    /**
     * Enterprises one by one when a question needs them so (or knownAt); counted by district and
     * township, from the township figures the projector keeps, as the report's are.
     */
    public static final Cube ENTERPRISES = Cube.stock("enterprises", """
            [[ownership,industry,covered,covering_union_kind,registered_on,covering_union_id,covered_since,recorded_at,known_at:
            SELECT *, 1 AS registered FROM ({use:enterprise_stock})
            ]otherwise[SELECT * EXCLUDE (covered), covered AS covered_count
            FROM ({use:township_figures}) WHERE registered > 0]]""", with(
            ENTERPRISE_DIMENSIONS,
            dimension("coveringUnionId", "f.covering_union_id", STRING),
            time("coveredSince", "f.covered_since"),
            RECORDED_AT,
            measure("enterprises", "coalesce(sum(f.registered), 0)", INTEGER),
            measure("enterprisesCovered", "coalesce(sum(f.covered_count), 0)", INTEGER),
            measure("establishmentRate", "sum(f.covered_count) / nullif(sum(f.registered), 0)", RATE)));

    public static final Cube WORKFORCE = Cube.stock("workforce", "{use:enterprise_stock}", with(
            ENTERPRISE_DIMENSIONS,
            measure("workers", "coalesce(sum(f.headcount), 0)", INTEGER),
            measure("reportingEnterprises", "count(f.headcount)", INTEGER),
            measure("coveredWorkers", "coalesce(sum(f.headcount) FILTER (WHERE f.covered), 0)", INTEGER)));

    public static final Cube UNIONS = Cube.stock("unions", "{use:live_unions}", List.of(
            dimension("kind", "f.kind", STRING),
            dimension("subkind", "f.subkind", STRING),
            dimension("district", "f.district", STRING),
            dimension("township", "f.township", STRING),
            dimension("parentUnionId", "f.parent_union_id", STRING),
            dimension("grassroots", "f.kind IN " + Facts.GRASSROOTS, BOOLEAN),
            time("foundedOn", "f.founded_on"),
            RECORDED_AT,
            measure("unions", "count(*)", INTEGER)));

    /** Members one by one when a question needs them so (or knownAt); otherwise each live union's count on the date. */
    public static final Cube MEMBERSHIP = Cube.stock("membership", """
            [[member_id,joined_on,recorded_at,known_at:SELECT *, 1 AS members FROM ({use:membership_stock})
            ]otherwise[SELECT u.union_id, u.kind AS union_kind, u.subkind AS union_subkind, u.district, u.township,
                   u.parent_union_id, mu.members
            FROM ({use:members_by_union}) mu
            JOIN ({use:live_unions}) u ON u.union_id = mu.union_id AND u.kind IN """ + Facts.GRASSROOTS + "]]", List.of(
            dimension("district", "f.district", STRING),
            dimension("township", "f.township", STRING),
            dimension("unionKind", "f.union_kind", STRING),
            dimension("unionSubkind", "f.union_subkind", STRING),
            dimension("unionId", "f.union_id", STRING),
            dimension("parentUnionId", "f.parent_union_id", STRING),
            time("joinedOn", "f.joined_on"),
            RECORDED_AT,
            // a member has one open membership at a time, so summing memberships counts members (and
            // spares a distinct count over millions of ids)
            measure("members", "coalesce(sum(f.members), 0)", INTEGER)));

    /**
     * Townships as the unit of the federation's coverage: every figure of the report's grassroots panel.
     * A township is known from a live enterprise or a live union. The figures are sums of the changes
     * the projector keeps per township by year, month and day ({@code area_years}, {@code area_months},
     * {@code area_changes}), or its totals after the last change when the date is no earlier
     * ({@code area_totals}, tried first: {@link Facts#LATEST}); asked as known at a position,
     * they are computed from the facts: the full join of the enterprise and union groups.
     */
    public static final Cube AREAS = Cube.stock("areas", """
            [[known_at:SELECT coalesce(e.district, u.district) AS district, coalesce(e.township, u.township) AS township,
                   coalesce(e.registered, 0) AS registered, coalesce(e.covered, 0) AS covered,
                   coalesce(e.workers, 0) AS workers, coalesce(u.unions, 0) AS unions,
                   coalesce(u.federation, false) AS has_federation, coalesce(m.members, 0) AS members
            FROM (SELECT district, township, count(*) AS registered, count_if(covered) AS covered,
                         sum(headcount) AS workers
                  FROM ({use:enterprise_stock}) GROUP BY district, township) e
            FULL JOIN (SELECT district, township, count_if(kind IN """ + Facts.GRASSROOTS + """
                              ) AS unions, bool_or(kind = 'TOWNSHIP_FEDERATION') AS federation
                       FROM ({use:live_unions}) WHERE township IS NOT NULL GROUP BY district, township) u
                   ON u.district = e.district AND u.township = e.township
            LEFT JOIN (SELECT u.district, u.township, sum(mu.members) AS members FROM ({use:members_by_union}) mu
                       JOIN ({use:live_unions}) u ON u.union_id = mu.union_id AND u.kind IN """ + Facts.GRASSROOTS + """
                       GROUP BY u.district, u.township) m
                   ON m.district = coalesce(e.district, u.district) AND m.township = coalesce(e.township, u.township)
            ]otherwise[SELECT *, federations > 0 AS has_federation
            FROM ({use:township_figures}) WHERE registered > 0 OR placed_unions > 0]]""", List.of(
            dimension("district", "f.district", STRING),
            dimension("township", "f.township", STRING),
            measure("townships", "count(*)", INTEGER),
            measure("townshipsWithFederation", "count_if(f.has_federation)", INTEGER),
            measure("unions", "sum(f.unions)", INTEGER),
            measure("enterprisesRegistered", "sum(f.registered)", INTEGER),
            measure("enterprisesCovered", "sum(f.covered)", INTEGER),
            measure("workers", "sum(f.workers)", INTEGER),
            measure("members", "sum(f.members)", INTEGER),
            measure("establishmentRate", "sum(f.covered) / nullif(sum(f.registered), 0)", RATE),
            measure("membershipRate", "sum(f.members) / nullif(sum(f.workers), 0)", RATE)));

    public static final Cube KEY_PROJECTS = Cube.flow("keyProjects", "{use:key_projects}", List.of(
            dimension("district", "f.district", STRING),
            dimension("hasMeritCompetition", "f.has_merit_competition", BOOLEAN),
            time("startsOn", "f.starts_on"),
            time("endsOn", "f.ends_on"),
            measure("keyProjects", "count(*)", INTEGER),
            measure("withMeritCompetition", "count_if(f.has_merit_competition)", INTEGER),
            measure("meritCoverage", "count_if(f.has_merit_competition) / nullif(count(*), 0)", RATE)));

    public static final Cube COMPETITIONS = Cube.flow("competitions", """
            SELECT c.*
                   [[organiser_district:, ou.district AS organiser_district]]
                   [[participations:, (SELECT count(*) FROM ({use:participations}) p
                                       WHERE p.competition_id = c.competition_id) AS participations]]
                   [[awards:, (SELECT count(*) FROM ({use:awards}) a WHERE a.competition_id = c.competition_id) AS awards]]
            FROM ({use:competitions}) c
            [[organiser_district:LEFT JOIN unions ou ON ou.union_id = c.organiser_union_id]]""", List.of(
            dimension("kind", "f.kind", STRING),
            dimension("skillContest", "f.skill_contest", BOOLEAN),
            dimension("organiserUnionId", "f.organiser_union_id", STRING),
            dimension("organiserDistrict", "f.organiser_district", STRING),
            dimension("keyProjectId", "f.key_project_id", STRING),
            dimension("open", "f.closed_on IS NULL", BOOLEAN),
            time("startsOn", "f.starts_on"),
            time("endsOn", "f.ends_on"),
            time("closedOn", "f.closed_on"),
            RECORDED_AT,
            measure("competitions", "count(*)", INTEGER),
            measure("participations", "coalesce(sum(f.participations), 0)", INTEGER),
            measure("awards", "coalesce(sum(f.awards), 0)", INTEGER)));

    public static final Cube PARTICIPATIONS = Cube.flow("participations", """
            SELECT p.*
                   [[organiser_union_id,organiser_district:, c.organiser_union_id]]
                   [[organiser_district:, ou.district AS organiser_district]]
                   [[awarded:, EXISTS (SELECT 1 FROM ({use:awards}) a WHERE a.competition_id = p.competition_id
                                       AND a.participant_id = p.participant_id) AS awarded]]
            FROM ({use:participations}) p
            [[organiser_union_id,organiser_district:JOIN competitions c ON c.competition_id = p.competition_id]]
            [[organiser_district:LEFT JOIN unions ou ON ou.union_id = c.organiser_union_id]]""", List.of(
            dimension("competitionId", "f.competition_id", STRING),
            dimension("competitionKind", "f.competition_kind", STRING),
            dimension("skillContest", "f.skill_contest", BOOLEAN),
            dimension("participantKind", "f.participant_kind", STRING),
            dimension("organiserUnionId", "f.organiser_union_id", STRING),
            dimension("organiserDistrict", "f.organiser_district", STRING),
            dimension("awarded", "f.awarded", BOOLEAN),
            time("enrolledOn", "f.enrolled_on"),
            time("competitionStartsOn", "f.competition_starts_on"),
            RECORDED_AT,
            measure("participations", "count(*)", INTEGER),
            measure("participants", "count(DISTINCT f.participant_id)", INTEGER),
            measure("awardWinners", "count_if(f.awarded)", INTEGER)));

    public static final Cube PROPOSALS = Cube.flow("proposals", """
            [[status:SELECT p.*, """ + Views.PROPOSAL_STATUS + """
             AS status
            FROM ({use:proposals}) p]otherwise[{use:proposals}]]""", List.of(
            dimension("category", "f.category", STRING),
            dimension("status", "f.status", STRING),
            dimension("unionId", "f.union_id", STRING),
            dimension("district", "f.district", STRING),
            dimension("township", "f.township", STRING),
            dimension("enterpriseId", "f.enterprise_id", STRING),
            dimension("industry", "f.industry", STRING),
            dimension("ownership", "f.ownership", STRING),
            dimension("recognised", "f.recognised_on IS NOT NULL", BOOLEAN),
            dimension("promoted", "f.promoted_on IS NOT NULL", BOOLEAN),
            time("submittedOn", "f.submitted_on"),
            time("adoptedOn", "f.adopted_on"),
            time("implementedOn", "f.implemented_on"),
            time("recognisedOn", "f.recognised_on"),
            time("promotedOn", "f.promoted_on"),
            RECORDED_AT,
            measure("proposals", "count(*)", INTEGER),
            measure("adopted", "count(f.adopted_on)", INTEGER),
            measure("rejected", "count(f.rejected_on)", INTEGER),
            measure("implemented", "count(f.implemented_on)", INTEGER),
            measure("achievements", "count(f.recognised_on)", INTEGER),
            measure("methodsPromoted", "count(f.promoted_on)", INTEGER),
            measure("adoptionRate", "count(f.adopted_on) / nullif(count(*), 0)", RATE),
            measure("economicBenefitYuan", "coalesce(sum(f.economic_benefit), 0)", MONEY)));

    /**
     * The report's economy panel by day: each flow on the day it counts on. Counted from the totals
     * the projector keeps per day ({@code economy_days}): one small table instead of the four cubes
     * above, which the report asked five times. Asked as known at a position, it counts those cubes'
     * facts themselves; either way it gives what they give (EconomyCubeTest).
     */
    public static final Cube ECONOMY = Cube.flow("economy", """
            [[known_at:SELECT starts_on AS on_date, 1 AS skill_contests FROM ({use:competitions}) c WHERE c.skill_contest
            UNION ALL BY NAME
            SELECT competition_starts_on AS on_date, 1 AS skill_contest_participations
            FROM ({use:participations}) p WHERE p.skill_contest
            UNION ALL BY NAME
            SELECT submitted_on AS on_date, 1 AS rationalization_proposals FROM ({use:proposals}) p
            WHERE p.category = 'RATIONALIZATION'
            UNION ALL BY NAME
            SELECT recognised_on AS on_date, 1 AS innovation_achievements FROM ({use:proposals}) p
            WHERE p.recognised_on IS NOT NULL
            UNION ALL BY NAME
            SELECT promoted_on AS on_date, 1 AS methods_promoted FROM ({use:proposals}) p WHERE p.promoted_on IS NOT NULL
            ]otherwise[SELECT * FROM economy_days WHERE {by:known_on}]]""", List.of(
            time("countedOn", "f.on_date"),
            measure("skillContests", "coalesce(sum(f.skill_contests), 0)", INTEGER),
            measure("skillContestParticipations", "coalesce(sum(f.skill_contest_participations), 0)", INTEGER),
            measure("rationalizationProposals", "coalesce(sum(f.rationalization_proposals), 0)", INTEGER),
            measure("innovationAchievements", "coalesce(sum(f.innovation_achievements), 0)", INTEGER),
            measure("operationMethodsPromoted", "coalesce(sum(f.methods_promoted), 0)", INTEGER)));

    public static final Map<String, Cube> ALL = Stream.of(ENTERPRISES, WORKFORCE, UNIONS, MEMBERSHIP, AREAS,
            KEY_PROJECTS, COMPETITIONS, PARTICIPATIONS, PROPOSALS, ECONOMY).collect(Collectors.toUnmodifiableMap(Cube::name, Function.identity()));

    private Cubes() {
    }

    private static List<Member> with(List<Member> shared, Member... own) {
        return Stream.concat(shared.stream(), Stream.of(own)).toList();
    }
}
