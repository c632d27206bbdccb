package org.unionanalytics.readmodel.cube;

import java.util.Map;

/**
 * The read model's facts as known at {@code {knownAt}} and taken on {@code {on}}: SQL fragments
 * that cubes (and the report) build on, so that every figure is computed one way. A fragment
 * includes another with {@code {use:name}}. A change recorded after {@code {knownAt}} is
 * invisible: the value it set reads as not yet set.
 */
final class Facts {

    static final String GRASSROOTS = "('ENTERPRISE', 'JOINT', 'REGIONAL', 'INDUSTRY')";

    static final Map<String, String> FRAGMENTS = Map.ofEntries(
            Map.entry("unions", """
                    SELECT union_id, name, kind, subkind, district, township, parent_union_id, founded_on, recorded_at,
                           CASE WHEN dissolved_pos <= {knownAt} THEN dissolved_on END AS dissolved_on
                    FROM unions WHERE recorded_pos <= {knownAt}"""),
            Map.entry("live_unions", """
                    SELECT * FROM ({use:unions}) lu
                    WHERE lu.founded_on <= {on} AND (lu.dissolved_on IS NULL OR lu.dissolved_on > {on})"""),
            Map.entry("enterprises", """
                    SELECT enterprise_id, name, ownership, industry, district, township, registered_on, recorded_at,
                           CASE WHEN deregistered_pos <= {knownAt} THEN deregistered_on END AS deregistered_on
                    FROM enterprises WHERE recorded_pos <= {knownAt}"""),
            Map.entry("coverages", """
                    SELECT enterprise_id, union_id, started_on, CASE WHEN ended_pos <= {knownAt} THEN ended_on END AS ended_on
                    FROM coverages WHERE started_pos <= {knownAt}"""),
            Map.entry("memberships", """
                    SELECT member_id, union_id, started_on, recorded_at,
                           CASE WHEN ended_pos <= {knownAt} THEN ended_on END AS ended_on
                    FROM memberships WHERE started_pos <= {knownAt}"""),
            Map.entry("workforce", """
                    SELECT enterprise_id, arg_max(headcount, recorded_pos) AS headcount FROM workforce_reports
                    WHERE recorded_pos <= {knownAt} AND effective_from <= {on} GROUP BY enterprise_id"""),
            Map.entry("enterprise_stock", """
                    SELECT e.enterprise_id, e.ownership, e.industry, e.district, e.township, e.registered_on, e.recorded_at,
                           cov.union_id AS covering_union_id, cov.kind AS covering_union_kind,
                           cov.started_on AS covered_since, cov.union_id IS NOT NULL AS covered, w.headcount
                    FROM ({use:enterprises}) e
                    LEFT JOIN (SELECT c.enterprise_id, c.union_id, c.started_on, u.kind FROM ({use:coverages}) c
                               JOIN ({use:live_unions}) u ON u.union_id = c.union_id AND u.kind IN """ + GRASSROOTS + """
                               WHERE c.started_on <= {on} AND (c.ended_on IS NULL OR c.ended_on > {on})) cov
                           ON cov.enterprise_id = e.enterprise_id
                    LEFT JOIN ({use:workforce}) w ON w.enterprise_id = e.enterprise_id
                    WHERE e.registered_on <= {on} AND (e.deregistered_on IS NULL OR e.deregistered_on > {on})"""),
            Map.entry("membership_stock", """
                    SELECT m.member_id, m.union_id, m.started_on AS joined_on, m.recorded_at, u.kind AS union_kind,
                           u.subkind AS union_subkind, u.district, u.township, u.parent_union_id
                    FROM ({use:memberships}) m
                    JOIN ({use:live_unions}) u ON u.union_id = m.union_id AND u.kind IN """ + GRASSROOTS + """
                    WHERE m.started_on <= {on} AND (m.ended_on IS NULL OR m.ended_on > {on})"""),
            Map.entry("competitions", """
                    SELECT c.competition_id, c.kind, c.organiser_union_id, c.key_project_id, c.starts_on, c.ends_on,
                           c.recorded_at, c.kind IN ('SKILL_ELITE', 'MASS_SKILL') AS skill_contest,
                           CASE WHEN c.closed_pos <= {knownAt} AND c.closed_on <= {on} THEN c.closed_on END AS closed_on
                    FROM competitions c WHERE c.recorded_pos <= {knownAt} AND c.starts_on <= {on}"""),
            Map.entry("participations", """
                    SELECT p.competition_id, p.participant_kind, p.participant_id, p.enrolled_on, p.recorded_at
                    FROM participations p WHERE p.recorded_pos <= {knownAt} AND p.enrolled_on <= {on}"""),
            Map.entry("awards", """
                    SELECT a.competition_id, a.participant_id, a.title, a.granted_on
                    FROM awards a WHERE a.recorded_pos <= {knownAt} AND a.granted_on <= {on}"""),
            Map.entry("proposals", """
                    SELECT p.proposal_id, p.category, p.member_id, p.union_id, p.enterprise_id, p.submitted_on, p.recorded_at,
                           CASE WHEN p.adopted_pos <= {knownAt} AND p.adopted_on <= {on} THEN p.adopted_on END AS adopted_on,
                           CASE WHEN p.rejected_pos <= {knownAt} AND p.rejected_on <= {on} THEN p.rejected_on END AS rejected_on,
                           CASE WHEN p.implemented_pos <= {knownAt} AND p.implemented_on <= {on} THEN p.implemented_on END AS implemented_on,
                           CASE WHEN p.implemented_pos <= {knownAt} AND p.implemented_on <= {on} THEN p.economic_benefit END AS economic_benefit,
                           CASE WHEN p.recognised_pos <= {knownAt} AND p.recognised_on <= {on} THEN p.recognised_on END AS recognised_on,
                           (SELECT min(pm.promoted_on) FROM promotions pm WHERE pm.proposal_id = p.proposal_id
                              AND pm.recorded_pos <= {knownAt} AND pm.promoted_on <= {on}) AS promoted_on
                    FROM proposals p WHERE p.recorded_pos <= {knownAt} AND p.submitted_on <= {on}"""),
            Map.entry("key_projects", """
                    SELECT k.key_project_id, k.district, k.starts_on, k.ends_on, k.recorded_at,
                           EXISTS (SELECT 1 FROM ({use:competitions}) c WHERE c.key_project_id = k.key_project_id
                                   AND c.kind = 'KEY_PROJECT_MERIT') AS has_merit_competition
                    FROM key_projects k WHERE k.recorded_pos <= {knownAt} AND k.starts_on <= {on}"""));

    private Facts() {
    }
}
