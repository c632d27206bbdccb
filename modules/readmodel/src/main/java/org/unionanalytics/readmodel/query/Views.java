package org.unionanalytics.readmodel.query;

import org.unionanalytics.domain.union.UnionKind;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The entities the API lists, with the public names of their fields and filters. */
public final class Views {

    /** The grassroots union kinds as an SQL list, from the domain's own definition. */
    public static final String GRASSROOTS_KINDS = Arrays.stream(UnionKind.values()).filter(UnionKind::isGrassroots)
            .map(kind -> "'" + kind.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    public static final EntityView UNIONS = new EntityView("unions", "union_id", """
            union_id AS id, name, kind, subkind, district, township, parent_union_id AS "parentUnionId",
            founded_on AS "foundedOn", dissolved_on AS "dissolvedOn", dissolved_on IS NULL AS active,
            (SELECT count(*) FROM memberships m WHERE m.union_id = unions.union_id AND m.ended_on IS NULL) AS "memberCount",
            (SELECT count(*) FROM coverages c WHERE c.union_id = unions.union_id AND c.ended_on IS NULL) AS "enterpriseCount",
            recorded_pos AS "recordedPosition", recorded_at AS "recordedAt\"""",
            Map.of("kind", "kind = ?", "subkind", "subkind = ?", "district", "district = ?", "township", "township = ?",
                    "parentUnionId", "parent_union_id = ?"),
            Map.of("active", List.of("dissolved_on IS NULL", "dissolved_on IS NOT NULL"),
                    "grassroots", List.of("kind IN " + GRASSROOTS_KINDS, "kind NOT IN " + GRASSROOTS_KINDS)));

    public static final EntityView ENTERPRISES = new EntityView("enterprises", "enterprise_id", """
            enterprise_id AS id, name, ownership, industry, district, township, registered_on AS "registeredOn",
            deregistered_on AS "deregisteredOn", deregistered_on IS NULL AS registered,
            (SELECT arg_max(w.headcount, w.recorded_pos) FROM workforce_reports w
              WHERE w.enterprise_id = enterprises.enterprise_id) AS workforce,
            (SELECT any_value(c.union_id) FROM coverages c
              WHERE c.enterprise_id = enterprises.enterprise_id AND c.ended_on IS NULL) AS "coveringUnionId",
            recorded_pos AS "recordedPosition", recorded_at AS "recordedAt\"""",
            Map.of("ownership", "ownership = ?", "industry", "industry = ?", "district", "district = ?",
                    "township", "township = ?",
                    "coveringUnionId", "enterprise_id IN (SELECT enterprise_id FROM coverages WHERE union_id = ? AND ended_on IS NULL)"),
            Map.of("registered", List.of("deregistered_on IS NULL", "deregistered_on IS NOT NULL"),
                    "covered", List.of(
                            "enterprise_id IN (SELECT enterprise_id FROM coverages WHERE ended_on IS NULL)",
                            "enterprise_id NOT IN (SELECT enterprise_id FROM coverages WHERE ended_on IS NULL)")));

    public static final EntityView KEY_PROJECTS = new EntityView("key_projects", "key_project_id", """
            key_project_id AS id, name, district, starts_on AS "startsOn", ends_on AS "endsOn",
            (SELECT count(*) FROM competitions c WHERE c.key_project_id = key_projects.key_project_id) AS "competitionCount",
            recorded_pos AS "recordedPosition", recorded_at AS "recordedAt\"""",
            Map.of("district", "district = ?"), Map.of());

    public static final EntityView COMPETITIONS = new EntityView("competitions", "competition_id", """
            competition_id AS id, organiser_union_id AS "organiserUnionId", kind, title, starts_on AS "startsOn",
            ends_on AS "endsOn", key_project_id AS "keyProjectId", closed_on AS "closedOn", closed_on IS NULL AS open,
            (SELECT count(*) FROM participations p WHERE p.competition_id = competitions.competition_id) AS "participantCount",
            (SELECT count(*) FROM awards a WHERE a.competition_id = competitions.competition_id) AS "awardCount",
            recorded_pos AS "recordedPosition", recorded_at AS "recordedAt\"""",
            Map.of("kind", "kind = ?", "organiserUnionId", "organiser_union_id = ?", "keyProjectId", "key_project_id = ?"),
            Map.of("open", List.of("closed_on IS NULL", "closed_on IS NOT NULL")));

    /** A proposal's status follows from the steps it has been through. */
    public static final String PROPOSAL_STATUS = """
            CASE WHEN implemented_on IS NOT NULL THEN 'IMPLEMENTED' WHEN rejected_on IS NOT NULL THEN 'REJECTED'
                 WHEN adopted_on IS NOT NULL THEN 'ADOPTED' ELSE 'SUBMITTED' END""";

    public static final EntityView PROPOSALS = new EntityView(
            "(SELECT *, " + PROPOSAL_STATUS + " AS status FROM proposals) AS proposals", "proposal_id", """
            proposal_id AS id, member_id AS "memberId", union_id AS "unionId", enterprise_id AS "enterpriseId",
            category, title, status, submitted_on AS "submittedOn", adopted_on AS "adoptedOn",
            rejected_on AS "rejectedOn", rejection_reason AS "rejectionReason", implemented_on AS "implementedOn",
            economic_benefit AS "economicBenefitYuan", recognised_on AS "recognisedOn",
            (SELECT count(*) FROM promotions p WHERE p.proposal_id = proposals.proposal_id) AS "promotionCount",
            recorded_pos AS "recordedPosition", recorded_at AS "recordedAt\"""",
            Map.of("category", "category = ?", "status", "status = ?", "unionId", "union_id = ?",
                    "memberId", "member_id = ?", "enterpriseId", "enterprise_id = ?"),
            Map.of("recognised", List.of("recognised_on IS NOT NULL", "recognised_on IS NULL")));

    private Views() {
    }
}
