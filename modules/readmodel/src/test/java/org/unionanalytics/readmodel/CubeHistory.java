package org.unionanalytics.readmodel;

import org.unionanalytics.domain.competition.AwardGranted;
import org.unionanalytics.domain.competition.AwardTitle;
import org.unionanalytics.domain.competition.CompetitionClosed;
import org.unionanalytics.domain.competition.CompetitionKind;
import org.unionanalytics.domain.competition.CompetitionLaunched;
import org.unionanalytics.domain.competition.ParticipantEnrolled;
import org.unionanalytics.domain.competition.ParticipantKind;
import org.unionanalytics.domain.enterprise.CoverageEnded;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.domain.keyproject.KeyProjectRegistered;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.membership.MemberLeft;
import org.unionanalytics.domain.membership.MemberTransferred;
import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalAdopted;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.ProposalImplemented;
import org.unionanalytics.domain.proposal.ProposalRecognised;
import org.unionanalytics.domain.proposal.ProposalRejected;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.union.RegionalSubkind;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;
import org.unionanalytics.domain.union.UnionKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A small history whose figures are worked out by hand in the cube tests. Members m1..m5,
 * enterprises e1..e5, grassroots unions a (ENTERPRISE) and b (JOINT) in Haishu, c (REGIONAL) and
 * d (INDUSTRY, dissolved at the end of 2016) in Beilun; m1 transfers and later leaves, proposal 1
 * is adopted then implemented, enterprise 3 changes union.
 */
public final class CubeHistory {

    /** Positions of the log just before the history changed its mind. */
    public record Positions(long beforeTransferOfM1, long beforeImplementationOfP1, long beforeCoverageOfE3Ended) {
    }

    private CubeHistory() {
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static UnionEstablished union(String id, UnionKind kind, RegionalSubkind subkind, District district,
                                          String township, String parent, String founded) {
        return new UnionEstablished(id, id, kind, subkind, district, township, parent, d(founded));
    }

    private static EnterpriseRegistered enterprise(String id, Ownership ownership, Industry industry, District district,
                                                   String township, String registered) {
        return new EnterpriseRegistered(id, id, ownership, industry, district, township, d(registered));
    }

    /** Publishes the whole history and returns the positions at which it changed its mind. */
    public static Positions record(ProjectedHistory history) {
        history.publish(
                union("union-city", UnionKind.MUNICIPAL_FEDERATION, null, null, null, null, "2000-01-01"),
                union("union-haishu", UnionKind.DISTRICT_FEDERATION, null, District.HAISHU, null, "union-city", "2000-01-01"),
                union("union-beilun", UnionKind.DISTRICT_FEDERATION, null, District.BEILUN, null, "union-city", "2000-01-01"),
                union("union-haishu-01", UnionKind.TOWNSHIP_FEDERATION, null, District.HAISHU, "HAISHU-01", "union-haishu", "2001-01-01"),
                union("union-beilun-01", UnionKind.TOWNSHIP_FEDERATION, null, District.BEILUN, "BEILUN-01", "union-beilun", "2001-01-01"),
                enterprise("enterprise-1", Ownership.PRIVATE, Industry.MANUFACTURING, District.HAISHU, "HAISHU-01", "2010-01-01"),
                enterprise("enterprise-2", Ownership.PRIVATE, Industry.HOSPITALITY, District.HAISHU, "HAISHU-01", "2011-01-01"),
                enterprise("enterprise-3", Ownership.STATE_OWNED, Industry.CONSTRUCTION, District.BEILUN, "BEILUN-01", "2010-01-01"),
                enterprise("enterprise-4", Ownership.PRIVATE, Industry.MANUFACTURING, District.BEILUN, "BEILUN-01", "2012-01-01"),
                new WorkforceReported("enterprise-1", 100, d("2012-01-01")),
                new WorkforceReported("enterprise-2", 10, d("2012-01-01")),
                new WorkforceReported("enterprise-3", 50, d("2012-01-01")),
                new WorkforceReported("enterprise-4", 20, d("2012-01-01")),
                union("union-a", UnionKind.ENTERPRISE, null, District.HAISHU, "HAISHU-01", "union-haishu-01", "2013-01-01"),
                new EnterpriseCovered("enterprise-1", "union-a", d("2013-01-01")),
                new MemberJoined("member-1", "union-a", d("2013-02-01")),
                new MemberJoined("member-2", "union-a", d("2013-02-01")),
                union("union-b", UnionKind.JOINT, null, District.HAISHU, "HAISHU-01", "union-haishu-01", "2013-06-01"),
                new EnterpriseCovered("enterprise-2", "union-b", d("2013-06-01")),
                new MemberJoined("member-3", "union-b", d("2013-07-01")),
                union("union-c", UnionKind.REGIONAL, RegionalSubkind.COMMUNITY, District.BEILUN, "BEILUN-01", "union-beilun-01", "2014-01-01"),
                union("union-d", UnionKind.INDUSTRY, null, District.BEILUN, "BEILUN-01", "union-beilun-01", "2014-01-01"),
                new EnterpriseCovered("enterprise-3", "union-c", d("2014-01-01")),
                new EnterpriseCovered("enterprise-4", "union-c", d("2014-02-01")),
                new MemberJoined("member-4", "union-c", d("2014-02-01")),
                new MemberJoined("member-5", "union-d", d("2014-02-01")),
                new ProposalSubmitted("proposal-1", "member-1", "union-a", "enterprise-1", ProposalCategory.RATIONALIZATION,
                        "p1", d("2014-03-01")),
                new ProposalAdopted("proposal-1", d("2014-04-01")),
                new CompetitionLaunched("competition-1", "union-haishu", CompetitionKind.SKILL_ELITE, "c1",
                        d("2014-04-01"), d("2014-04-30"), null),
                new ParticipantEnrolled("competition-1", ParticipantKind.MEMBER, "member-1", d("2014-04-02")),
                new ParticipantEnrolled("competition-1", ParticipantKind.MEMBER, "member-2", d("2014-04-02")),
                new ParticipantEnrolled("competition-1", ParticipantKind.TEAM, "team-x", d("2014-04-02")),
                new AwardGranted("competition-1", "member-1", AwardTitle.FIRST_PRIZE, d("2014-04-30")),
                new CompetitionClosed("competition-1", d("2014-04-30")),
                new KeyProjectRegistered("keyproject-2", "kp2", District.HAISHU, d("2013-01-01"), d("2014-12-31")));
        long beforeImplementationOfP1 = history.head();
        history.publish(
                new ProposalImplemented("proposal-1", d("2014-09-01"), new BigDecimal("1000.50")),
                new ProposalRecognised("proposal-1", d("2015-01-10")));
        long beforeTransferOfM1 = history.head();
        history.publish(
                new MemberTransferred("member-1", "union-a", "union-b", d("2015-01-01")),
                new KeyProjectRegistered("keyproject-1", "kp1", District.BEILUN, d("2015-01-01"), d("2018-12-31")),
                new ProposalSubmitted("proposal-2", "member-2", "union-a", "enterprise-1", ProposalCategory.OPERATION_METHOD,
                        "p2", d("2015-02-01")),
                new ProposalAdopted("proposal-2", d("2015-03-01")),
                enterprise("enterprise-5", Ownership.FOREIGN_INVESTED, Industry.MANUFACTURING, District.BEILUN, "BEILUN-02", "2015-03-01"),
                new WorkforceReported("enterprise-5", 30, d("2015-03-01")),
                new WorkforceReported("enterprise-1", 110, d("2015-01-01")),
                new CompetitionLaunched("competition-2", "union-beilun", CompetitionKind.MASS_SKILL, "c2",
                        d("2015-05-01"), d("2015-12-31"), null),
                new ProposalSubmitted("proposal-3", "member-3", "union-b", "enterprise-2", ProposalCategory.RATIONALIZATION,
                        "p3", d("2015-05-01")),
                new ParticipantEnrolled("competition-2", ParticipantKind.MEMBER, "member-4", d("2015-05-02")),
                new ProposalRejected("proposal-3", d("2015-05-20"), "no"),
                new ParticipantEnrolled("competition-2", ParticipantKind.MEMBER, "member-5", d("2015-06-01")),
                new OperationMethodPromoted("proposal-2", List.of("enterprise-3"), d("2015-06-01")));
        long beforeCoverageOfE3Ended = history.head();
        history.publish(
                new CoverageEnded("enterprise-3", "union-c", d("2015-12-31")),
                new EnterpriseCovered("enterprise-3", "union-d", d("2016-01-01")),
                new ProposalSubmitted("proposal-4", "member-4", "union-c", null, ProposalCategory.SMALL_INVENTION,
                        "p4", d("2016-01-05")),
                new CompetitionLaunched("competition-3", "union-beilun", CompetitionKind.KEY_PROJECT_MERIT, "c3",
                        d("2016-01-01"), d("2016-12-31"), "keyproject-1"),
                new ParticipantEnrolled("competition-3", ParticipantKind.ENTERPRISE, "enterprise-3", d("2016-02-01")),
                new MemberLeft("member-1", "union-b", d("2016-06-30")),
                new EnterpriseDeregistered("enterprise-4", d("2016-06-30")),
                new AwardGranted("competition-3", "enterprise-3", AwardTitle.MODEL_COLLECTIVE, d("2016-12-01")),
                new UnionDissolved("union-d", d("2016-12-31")));
        return new Positions(beforeTransferOfM1, beforeImplementationOfP1, beforeCoverageOfE3Ended);
    }
}
