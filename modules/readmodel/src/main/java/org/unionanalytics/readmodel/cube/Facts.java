package org.unionanalytics.readmodel.cube;

import org.unionanalytics.readmodel.query.Views;

import java.util.Map;
import java.util.Set;

/**
 * The read model's facts as known at an event position and taken on a business date {@code {on}}:
 * SQL fragments that cubes (and so the report) build on, so that every figure is computed one way.
 * A fragment includes another with {@code {use:name}}. {@code {upTo:pos}} keeps rows recorded by
 * the position; {@code {asKnown:value:pos}} reads a change as not yet made when it was recorded
 * after it; {@code {by:date}} keeps what happened by the date {@code {on}};
 * {@code {happened:value:pos:date}} is a step's value once the step was recorded by the position
 * and taken by the date, else null. Without a position, or a date for a flow question, they fall
 * away, and the SQL is as plain as the question: DuckDB then pushes the question's own filters
 * down to the table scan, and plans it faster.
 */
final class Facts {

    static final String GRASSROOTS = Views.GRASSROOTS_KINDS;
    /** The columns an enterprise's covering union gives its facts. */
    private static final String COVERAGE = "covering_union_id,covering_union_kind,covered_since,covered,covered_count";

    /**
     * Fragments that, with nothing masked and no date to take them on, are their table as it is: its
     * columns under their own names. A cube that reads nothing else then reads the table itself,
     * which DuckDB answers about 3% faster than the same columns through a subquery (BENCHMARKS.md,
     * run 15).
     */
    static final Set<String> WHOLE_TABLES = Set.of("proposals");

    static final Map<String, String> FRAGMENTS = Map.ofEntries(
            Map.entry("unions", """
                    SELECT union_id, name, kind, subkind, district, township, parent_union_id, founded_on, recorded_at,
                           {asKnown:dissolved_on:dissolved_pos} AS dissolved_on
                    FROM unions WHERE {upTo:recorded_pos}"""),
            Map.entry("live_unions", """
                    SELECT * FROM ({use:unions}) lu
                    WHERE lu.founded_on <= {on} AND (lu.dissolved_on IS NULL OR lu.dissolved_on > {on})"""),
            Map.entry("enterprises", """
                    SELECT enterprise_id, name, ownership, industry, district, township, registered_on, recorded_at,
                           {asKnown:deregistered_on:deregistered_pos} AS deregistered_on
                    FROM enterprises WHERE {upTo:recorded_pos}"""),
            Map.entry("coverages", """
                    SELECT enterprise_id, union_id, started_on, {asKnown:ended_on:ended_pos} AS ended_on
                    FROM coverages WHERE {upTo:started_pos}"""),
            Map.entry("memberships", """
                    SELECT member_id, union_id, started_on, recorded_at,
                           {asKnown:ended_on:ended_pos} AS ended_on
                    FROM memberships WHERE {upTo:started_pos}"""),
            Map.entry("workforce", """
                    SELECT enterprise_id, arg_max(headcount, recorded_pos) AS headcount FROM workforce_reports
                    WHERE {upTo:recorded_pos} AND effective_from <= {on} GROUP BY enterprise_id"""),
            Map.entry("enterprise_stock", """
                    SELECT e.enterprise_id, e.ownership, e.industry, e.district, e.township, e.registered_on, e.recorded_at
                           [[""" + COVERAGE + """
                           :, cov.union_id AS covering_union_id, cov.kind AS covering_union_kind,
                            cov.started_on AS covered_since, cov.union_id IS NOT NULL AS covered,
                            CAST(cov.union_id IS NOT NULL AS INTEGER) AS covered_count]]
                           [[headcount:, w.headcount]]
                    FROM ({use:enterprises}) e
                    [[""" + COVERAGE + """
                    :LEFT JOIN (SELECT c.enterprise_id, c.union_id, c.started_on, u.kind FROM ({use:coverages}) c
                               JOIN ({use:live_unions}) u ON u.union_id = c.union_id AND u.kind IN """ + GRASSROOTS + """
                               WHERE c.started_on <= {on} AND (c.ended_on IS NULL OR c.ended_on > {on})) cov
                           ON cov.enterprise_id = e.enterprise_id]]
                    [[headcount:LEFT JOIN ({use:workforce}) w ON w.enterprise_id = e.enterprise_id]]
                    WHERE e.registered_on <= {on} AND (e.deregistered_on IS NULL OR e.deregistered_on > {on})"""),
            Map.entry("township_figures", """
                    SELECT [[district,township:t.district, t.township, ]]a.*
                    FROM (SELECT tid, sum(registered) AS registered, sum(covered) AS covered, sum(workers) AS workers,
                                 sum(unions) AS unions, sum(federations) AS federations,
                                 sum(placed_unions) AS placed_unions, sum(members) AS members
                          FROM (SELECT * FROM area_years WHERE on_date < date_trunc('year', {on})
                                UNION ALL
                                SELECT * FROM area_months
                                WHERE on_date >= date_trunc('year', {on}) AND on_date < date_trunc('month', {on})
                                UNION ALL
                                SELECT * FROM area_changes WHERE on_date >= date_trunc('month', {on}) AND on_date <= {on})
                          GROUP BY tid) a
                    [[district,township:JOIN townships t USING (tid)]]"""),
            Map.entry("township_totals", """
                    SELECT [[district,township:t.district, t.township, ]]a.* EXCLUDE (last_change)
                    FROM area_totals a
                    [[district,township:JOIN townships t USING (tid)]]"""),
            Map.entry("membership_stock", """
                    SELECT m.member_id, m.union_id, m.started_on AS joined_on, m.recorded_at, u.kind AS union_kind,
                           u.subkind AS union_subkind, u.district, u.township, u.parent_union_id
                    FROM ({use:memberships}) m
                    JOIN ({use:live_unions}) u ON u.union_id = m.union_id AND u.kind IN """ + GRASSROOTS + """
                    WHERE m.started_on <= {on} AND (m.ended_on IS NULL OR m.ended_on > {on})"""),
            Map.entry("members_by_union", """
                    [[known_at:SELECT union_id, count(*) AS members FROM ({use:memberships}) m
                    WHERE m.started_on <= {on} AND (m.ended_on IS NULL OR m.ended_on > {on}) GROUP BY union_id
                    ]otherwise[SELECT union_id, sum(delta) AS members FROM membership_changes WHERE on_date <= {on}
                    GROUP BY union_id HAVING sum(delta) <> 0]]"""),
            Map.entry("competitions", """
                    SELECT c.competition_id, c.kind, c.organiser_union_id, c.key_project_id, c.starts_on, c.ends_on,
                           c.recorded_at, c.skill_contest
                           [[closed_on:, {happened:c.closed_on:c.closed_pos:c.closed_on} AS closed_on]]
                    FROM competitions c WHERE {upTo:c.recorded_pos} AND {by:c.starts_on}"""),
            Map.entry("participations", """
                    SELECT p.competition_id, p.participant_kind, p.participant_id, p.enrolled_on, p.recorded_at,
                           p.competition_kind, p.competition_skill_contest AS skill_contest,
                           p.competition_start AS competition_starts_on
                    FROM participations p
                    WHERE {upTo:p.recorded_pos} AND {by:p.enrolled_on} AND {by:p.competition_start}"""),
            Map.entry("awards", """
                    SELECT a.competition_id, a.participant_id, a.title, a.granted_on
                    FROM awards a WHERE {upTo:a.recorded_pos} AND {by:a.granted_on}"""),
            Map.entry("proposals", """
                    SELECT p.proposal_id, p.category, p.member_id, p.union_id, p.enterprise_id, p.submitted_on, p.recorded_at,
                           p.district, p.township, p.industry, p.ownership
                           [[adopted_on:, {happened:p.adopted_on:p.adopted_pos:p.adopted_on} AS adopted_on]]
                           [[rejected_on:, {happened:p.rejected_on:p.rejected_pos:p.rejected_on} AS rejected_on]]
                           [[implemented_on:, {happened:p.implemented_on:p.implemented_pos:p.implemented_on} AS implemented_on]]
                           [[economic_benefit:, {happened:p.economic_benefit:p.implemented_pos:p.implemented_on} AS economic_benefit]]
                           [[recognised_on:, {happened:p.recognised_on:p.recognised_pos:p.recognised_on} AS recognised_on]]
                           [[promoted_on:, {happened:p.promoted_on:p.promoted_pos:p.promoted_on} AS promoted_on]]
                    FROM proposals p
                    WHERE {upTo:p.recorded_pos} AND {by:p.submitted_on}"""),
            // merit_since is the earliest start of the project's merit competitions as known now; asked as
            // known at a position, the competitions recorded by then are searched instead (sections do not
            // nest, so that search then runs whether the question reads the flag or not: a cheap one over 300 rows)
            Map.entry("key_projects", """
                    SELECT k.key_project_id, k.district, k.starts_on, k.ends_on, k.recorded_at
                           [[known_at:, k.key_project_id IN (SELECT c.key_project_id FROM ({use:competitions}) c
                               WHERE c.kind = 'KEY_PROJECT_MERIT' AND c.key_project_id IS NOT NULL) AS has_merit_competition
                           ]otherwise[, k.merit_since IS NOT NULL AND {by:k.merit_since} AS has_merit_competition]]
                    FROM key_projects k WHERE {upTo:k.recorded_pos} AND {by:k.starts_on}"""));

    /**
     * A fragment that totals kept as of the last change stand in for (Cube's rollups of the latest
     * state): {@code fragment} answers any date no earlier than {@code lastChange}, a query giving
     * that date (or null while nothing was counted).
     */
    record Latest(String fragment, String lastChange) {
    }

    /** The township figures on a date after every township's last change are its totals. */
    static final Map<String, Latest> LATEST = Map.of("township_figures",
            new Latest("township_totals", "SELECT max(last_change) FROM area_totals"));

    private Facts() {
    }
}
