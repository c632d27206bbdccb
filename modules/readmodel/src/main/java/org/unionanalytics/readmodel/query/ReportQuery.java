package org.unionanalytics.readmodel.query;

import org.unionanalytics.readmodel.ReadModel;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;

/**
 * Computes the report from the read model in one statement. A union, enterprise, membership or
 * coverage counts on a date when its validity spans that date; a membership or coverage also
 * needs its union to be alive then (a dissolved union's members and enterprises are no longer organised).
 */
public final class ReportQuery {

    private static final String SQL = """
            WITH p AS (SELECT CAST(? AS DATE) AS d_from, CAST(? AS DATE) AS d_to),
            live_unions AS (
                SELECT u.* FROM unions u CROSS JOIN p
                WHERE u.founded_on <= p.d_to AND (u.dissolved_on IS NULL OR u.dissolved_on > p.d_to)),
            grassroots AS (SELECT * FROM live_unions WHERE kind IN ('ENTERPRISE', 'JOINT', 'REGIONAL', 'INDUSTRY')),
            live_enterprises AS (
                SELECT e.* FROM enterprises e CROSS JOIN p
                WHERE e.registered_on <= p.d_to AND (e.deregistered_on IS NULL OR e.deregistered_on > p.d_to)),
            covered AS (
                SELECT DISTINCT c.enterprise_id FROM coverages c CROSS JOIN p
                JOIN grassroots g ON g.union_id = c.union_id
                JOIN live_enterprises e ON e.enterprise_id = c.enterprise_id
                WHERE c.started_on <= p.d_to AND (c.ended_on IS NULL OR c.ended_on > p.d_to)),
            workforce AS (
                SELECT w.enterprise_id, arg_max(w.headcount, w.recorded_pos) AS headcount
                FROM workforce_reports w CROSS JOIN p WHERE w.effective_from <= p.d_to GROUP BY w.enterprise_id),
            members AS (
                SELECT count(*) AS n FROM memberships m CROSS JOIN p
                JOIN grassroots g ON g.union_id = m.union_id
                WHERE m.started_on <= p.d_to AND (m.ended_on IS NULL OR m.ended_on > p.d_to)),
            window_key_projects AS (
                SELECT k.key_project_id FROM key_projects k CROSS JOIN p
                WHERE k.starts_on <= p.d_to AND k.ends_on >= p.d_from),
            skill_contests AS (
                SELECT c.competition_id FROM competitions c CROSS JOIN p
                WHERE c.kind IN ('SKILL_ELITE', 'MASS_SKILL') AND c.starts_on BETWEEN p.d_from AND p.d_to)
            SELECT
                (SELECT count(*) FROM grassroots) AS unions,
                (SELECT count(*) FROM covered) AS enterprises_covered,
                (SELECT count(*) FROM live_enterprises) AS enterprises_registered,
                (SELECT coalesce(sum(w.headcount), 0) FROM workforce w
                   JOIN live_enterprises e ON e.enterprise_id = w.enterprise_id) AS workers,
                (SELECT n FROM members) AS members,
                (SELECT count(DISTINCT township) FROM (
                    SELECT township FROM live_enterprises UNION ALL
                    SELECT township FROM live_unions WHERE township IS NOT NULL)) AS townships,
                (SELECT count(DISTINCT township) FROM live_unions WHERE kind = 'TOWNSHIP_FEDERATION') AS townships_with_federation,
                (SELECT count(*) FROM window_key_projects) AS key_projects,
                (SELECT count(*) FROM window_key_projects k WHERE EXISTS (
                    SELECT 1 FROM competitions c CROSS JOIN p
                    WHERE c.key_project_id = k.key_project_id AND c.kind = 'KEY_PROJECT_MERIT'
                      AND c.starts_on <= p.d_to AND c.ends_on >= p.d_from)) AS key_projects_with_merit,
                (SELECT count(*) FROM skill_contests) AS skill_contests,
                (SELECT count(*) FROM participations pa CROSS JOIN p JOIN skill_contests s ON s.competition_id = pa.competition_id
                   WHERE pa.enrolled_on <= p.d_to) AS skill_contest_participations,
                (SELECT count(*) FROM proposals pr CROSS JOIN p
                   WHERE pr.category = 'RATIONALIZATION' AND pr.submitted_on BETWEEN p.d_from AND p.d_to) AS proposals,
                (SELECT count(*) FROM proposals pr CROSS JOIN p
                   WHERE pr.recognised_on BETWEEN p.d_from AND p.d_to) AS innovation_achievements,
                (SELECT count(DISTINCT pm.proposal_id) FROM promotions pm CROSS JOIN p
                   WHERE pm.promoted_on BETWEEN p.d_from AND p.d_to) AS operation_methods_promoted
            """;

    private final ReadModel model;

    public ReportQuery(ReadModel model) {
        this.model = model;
    }

    public Report report(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the report period starts on " + from + ", after its end " + to);
        }
        return model.read(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setObject(1, from);
                statement.setObject(2, to);
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    long registered = row.getLong("enterprises_registered");
                    long covered = row.getLong("enterprises_covered");
                    long workers = row.getLong("workers");
                    long members = row.getLong("members");
                    long keyProjects = row.getLong("key_projects");
                    long withMerit = row.getLong("key_projects_with_merit");
                    var grassroots = new Report.Grassroots(row.getLong("unions"), covered, registered, workers, members,
                            ratio(covered, registered), ratio(members, workers), row.getLong("townships"),
                            row.getLong("townships_with_federation"));
                    var economy = new Report.Economy(ratio(withMerit, keyProjects), keyProjects, withMerit,
                            row.getLong("skill_contests"), row.getLong("skill_contest_participations"),
                            row.getLong("proposals"), row.getLong("innovation_achievements"),
                            row.getLong("operation_methods_promoted"));
                    return new Report(from, to, grassroots, economy);
                }
            }
        });
    }

    /** A rate as a fraction; undefined (null) when nothing is there to divide by. */
    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
