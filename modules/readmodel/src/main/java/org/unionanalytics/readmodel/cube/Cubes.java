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

    private static final Member RECORDED_AT = timestamp("recordedAt", "f.recorded_at",
            "when the event that recorded the fact happened");

    /** Enterprises and workforce slice the same facts: registered enterprises on the date. */
    private static final List<Member> ENTERPRISE_DIMENSIONS = List.of(
            dimension("district", "f.district", STRING, "the enterprise's district"),
            dimension("township", "f.township", STRING, "the enterprise's township"),
            dimension("ownership", "f.ownership", STRING, "ownership"),
            dimension("industry", "f.industry", STRING, "industry"),
            dimension("covered", "f.covered", BOOLEAN, "covered by a live grassroots union"),
            dimension("coveringUnionKind", "f.covering_union_kind", STRING, "the kind of the union covering it"),
            time("registeredOn", "f.registered_on", "registration date"));

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
            dimension("coveringUnionId", "f.covering_union_id", STRING, "the union covering it"),
            time("coveredSince", "f.covered_since", "start of the current coverage"),
            RECORDED_AT,
            measure("enterprises", "coalesce(sum(f.registered), 0)", INTEGER, "registered enterprises"),
            measure("enterprisesCovered", "coalesce(sum(f.covered_count), 0)", INTEGER,
                    "enterprises covered by a live grassroots union"),
            measure("establishmentRate", "sum(f.covered_count) / nullif(sum(f.registered), 0)", RATE,
                    "covered / registered (建会率)")));

    public static final Cube WORKFORCE = Cube.stock("workforce", "{use:enterprise_stock}", with(
            ENTERPRISE_DIMENSIONS,
            measure("workers", "coalesce(sum(f.headcount), 0)", INTEGER, "workers: the latest headcount each enterprise reported"),
            measure("reportingEnterprises", "count(f.headcount)", INTEGER, "enterprises that reported a headcount"),
            measure("coveredWorkers", "coalesce(sum(f.headcount) FILTER (WHERE f.covered), 0)", INTEGER,
                    "workers of covered enterprises")));

    public static final Cube UNIONS = Cube.stock("unions", "{use:live_unions}", List.of(
            dimension("kind", "f.kind", STRING, "union kind"),
            dimension("subkind", "f.subkind", STRING, "subkind of a regional union"),
            dimension("district", "f.district", STRING, "district"),
            dimension("township", "f.township", STRING, "township"),
            dimension("parentUnionId", "f.parent_union_id", STRING, "parent union"),
            dimension("grassroots", "f.kind IN " + Facts.GRASSROOTS, BOOLEAN, "a grassroots union rather than a federation"),
            time("foundedOn", "f.founded_on", "founding date"),
            RECORDED_AT,
            measure("unions", "count(*)", INTEGER, "unions alive")));

    /** Members one by one when a question needs them so (or knownAt); otherwise each live union's count on the date. */
    public static final Cube MEMBERSHIP = Cube.stock("membership", """
            [[member_id,joined_on,recorded_at,known_at:SELECT *, 1 AS members FROM ({use:membership_stock})
            ]otherwise[SELECT u.union_id, u.kind AS union_kind, u.subkind AS union_subkind, u.district, u.township,
                   u.parent_union_id, mu.members
            FROM ({use:members_by_union}) mu
            JOIN ({use:live_unions}) u ON u.union_id = mu.union_id AND u.kind IN """ + Facts.GRASSROOTS + "]]", List.of(
            dimension("district", "f.district", STRING, "the union's district"),
            dimension("township", "f.township", STRING, "the union's township"),
            dimension("unionKind", "f.union_kind", STRING, "the union's kind"),
            dimension("unionSubkind", "f.union_subkind", STRING, "the union's subkind"),
            dimension("unionId", "f.union_id", STRING, "the union"),
            dimension("parentUnionId", "f.parent_union_id", STRING, "the union's parent"),
            time("joinedOn", "f.joined_on", "start of the membership in this union (joining or transfer)"),
            RECORDED_AT,
            // a member has one open membership at a time, so summing memberships counts members (and
            // spares a distinct count over millions of ids)
            measure("members", "coalesce(sum(f.members), 0)", INTEGER, "members")));

    /**
     * Townships as the unit of the federation's coverage: every figure of the report's grassroots panel.
     * A township is known from a live enterprise or a live union. The figures are sums of the changes
     * the projector keeps per township by year, month and day ({@code area_years}, {@code area_months},
     * {@code area_changes}); asked as known at a position,
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
            dimension("district", "f.district", STRING, "district"),
            dimension("township", "f.township", STRING, "township"),
            measure("townships", "count(*)", INTEGER, "townships known from live enterprises and unions"),
            measure("townshipsWithFederation", "count_if(f.has_federation)", INTEGER, "townships with a live township federation"),
            measure("unions", "sum(f.unions)", INTEGER, "live grassroots unions"),
            measure("enterprisesRegistered", "sum(f.registered)", INTEGER, "registered enterprises"),
            measure("enterprisesCovered", "sum(f.covered)", INTEGER, "enterprises covered by a live grassroots union"),
            measure("workers", "sum(f.workers)", INTEGER, "workers of registered enterprises"),
            measure("members", "sum(f.members)", INTEGER, "members of live grassroots unions"),
            measure("establishmentRate", "sum(f.covered) / nullif(sum(f.registered), 0)", RATE, "covered / registered"),
            measure("membershipRate", "sum(f.members) / nullif(sum(f.workers), 0)", RATE, "members / workers (入会率)")));

    public static final Cube KEY_PROJECTS = Cube.flow("keyProjects", "{use:key_projects}", List.of(
            dimension("district", "f.district", STRING, "district"),
            dimension("hasMeritCompetition", "f.has_merit_competition", BOOLEAN, "a merit competition was launched on it"),
            time("startsOn", "f.starts_on", "start of the project"),
            time("endsOn", "f.ends_on", "end of the project"),
            measure("keyProjects", "count(*)", INTEGER, "key projects"),
            measure("withMeritCompetition", "count_if(f.has_merit_competition)", INTEGER, "key projects with a merit competition"),
            measure("meritCoverage", "count_if(f.has_merit_competition) / nullif(count(*), 0)", RATE,
                    "share of key projects with a merit competition")));

    public static final Cube COMPETITIONS = Cube.flow("competitions", """
            SELECT c.*
                   [[organiser_district:, ou.district AS organiser_district]]
                   [[participations:, (SELECT count(*) FROM ({use:participations}) p
                                       WHERE p.competition_id = c.competition_id) AS participations]]
                   [[awards:, (SELECT count(*) FROM ({use:awards}) a WHERE a.competition_id = c.competition_id) AS awards]]
            FROM ({use:competitions}) c
            [[organiser_district:LEFT JOIN unions ou ON ou.union_id = c.organiser_union_id]]""", List.of(
            dimension("kind", "f.kind", STRING, "competition kind"),
            dimension("skillContest", "f.skill_contest", BOOLEAN, "SKILL_ELITE or MASS_SKILL"),
            dimension("organiserUnionId", "f.organiser_union_id", STRING, "organising union"),
            dimension("organiserDistrict", "f.organiser_district", STRING, "the organising union's district"),
            dimension("keyProjectId", "f.key_project_id", STRING, "key project of a merit competition"),
            dimension("open", "f.closed_on IS NULL", BOOLEAN, "not closed"),
            time("startsOn", "f.starts_on", "start"),
            time("endsOn", "f.ends_on", "end"),
            time("closedOn", "f.closed_on", "closing date"),
            RECORDED_AT,
            measure("competitions", "count(*)", INTEGER, "competitions launched"),
            measure("participations", "coalesce(sum(f.participations), 0)", INTEGER, "enrolments"),
            measure("awards", "coalesce(sum(f.awards), 0)", INTEGER, "awards granted")));

    public static final Cube PARTICIPATIONS = Cube.flow("participations", """
            SELECT p.*
                   [[organiser_union_id,organiser_district:, c.organiser_union_id]]
                   [[organiser_district:, ou.district AS organiser_district]]
                   [[awarded:, EXISTS (SELECT 1 FROM ({use:awards}) a WHERE a.competition_id = p.competition_id
                                       AND a.participant_id = p.participant_id) AS awarded]]
            FROM ({use:participations}) p
            [[organiser_union_id,organiser_district:JOIN competitions c ON c.competition_id = p.competition_id]]
            [[organiser_district:LEFT JOIN unions ou ON ou.union_id = c.organiser_union_id]]""", List.of(
            dimension("competitionId", "f.competition_id", STRING, "competition"),
            dimension("competitionKind", "f.competition_kind", STRING, "competition kind"),
            dimension("skillContest", "f.skill_contest", BOOLEAN, "in a SKILL_ELITE or MASS_SKILL competition"),
            dimension("participantKind", "f.participant_kind", STRING, "member, team or enterprise"),
            dimension("organiserUnionId", "f.organiser_union_id", STRING, "organising union"),
            dimension("organiserDistrict", "f.organiser_district", STRING, "the organising union's district"),
            dimension("awarded", "f.awarded", BOOLEAN, "the participant won an award in the competition"),
            time("enrolledOn", "f.enrolled_on", "enrolment date"),
            time("competitionStartsOn", "f.competition_starts_on", "start of the competition"),
            RECORDED_AT,
            measure("participations", "count(*)", INTEGER, "enrolments"),
            measure("participants", "count(DISTINCT f.participant_id)", INTEGER, "distinct participants"),
            measure("awardWinners", "count_if(f.awarded)", INTEGER, "enrolments that won an award")));

    public static final Cube PROPOSALS = Cube.flow("proposals", """
            [[status:SELECT p.*, """ + Views.PROPOSAL_STATUS + """
             AS status
            FROM ({use:proposals}) p]otherwise[{use:proposals}]]""", List.of(
            dimension("category", "f.category", STRING, "proposal category"),
            dimension("status", "f.status", STRING, "status on the date"),
            dimension("unionId", "f.union_id", STRING, "union it was submitted through"),
            dimension("district", "f.district", STRING, "the union's district"),
            dimension("township", "f.township", STRING, "the union's township"),
            dimension("enterpriseId", "f.enterprise_id", STRING, "enterprise it concerns"),
            dimension("industry", "f.industry", STRING, "industry of the enterprise it concerns"),
            dimension("ownership", "f.ownership", STRING, "ownership of the enterprise it concerns"),
            dimension("recognised", "f.recognised_on IS NOT NULL", BOOLEAN, "recognised as an innovation achievement"),
            dimension("promoted", "f.promoted_on IS NOT NULL", BOOLEAN, "promoted to further enterprises"),
            time("submittedOn", "f.submitted_on", "submission"),
            time("adoptedOn", "f.adopted_on", "adoption"),
            time("implementedOn", "f.implemented_on", "implementation"),
            time("recognisedOn", "f.recognised_on", "recognition"),
            time("promotedOn", "f.promoted_on", "first promotion"),
            RECORDED_AT,
            measure("proposals", "count(*)", INTEGER, "proposals submitted"),
            measure("adopted", "count(f.adopted_on)", INTEGER, "adopted (implemented ones included)"),
            measure("rejected", "count(f.rejected_on)", INTEGER, "rejected"),
            measure("implemented", "count(f.implemented_on)", INTEGER, "implemented"),
            measure("achievements", "count(f.recognised_on)", INTEGER, "recognised as innovation achievements"),
            measure("methodsPromoted", "count(f.promoted_on)", INTEGER, "operation methods promoted"),
            measure("adoptionRate", "count(f.adopted_on) / nullif(count(*), 0)", RATE, "adopted / submitted"),
            measure("economicBenefitYuan", "coalesce(sum(f.economic_benefit), 0)", MONEY, "economic benefit of implemented proposals")));

    public static final Map<String, Cube> ALL = Stream.of(ENTERPRISES, WORKFORCE, UNIONS, MEMBERSHIP, AREAS,
            KEY_PROJECTS, COMPETITIONS, PARTICIPATIONS, PROPOSALS).collect(Collectors.toUnmodifiableMap(Cube::name, Function.identity()));

    private Cubes() {
    }

    private static List<Member> with(List<Member> shared, Member... own) {
        return Stream.concat(shared.stream(), Stream.of(own)).toList();
    }
}
