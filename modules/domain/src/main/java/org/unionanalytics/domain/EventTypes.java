package org.unionanalytics.domain;

import org.unionanalytics.domain.competition.AwardGranted;
import org.unionanalytics.domain.competition.CompetitionClosed;
import org.unionanalytics.domain.competition.CompetitionLaunched;
import org.unionanalytics.domain.competition.ParticipantEnrolled;
import org.unionanalytics.domain.enterprise.CoverageEnded;
import org.unionanalytics.domain.enterprise.EnterpriseCovered;
import org.unionanalytics.domain.enterprise.EnterpriseDeregistered;
import org.unionanalytics.domain.enterprise.EnterpriseRegistered;
import org.unionanalytics.domain.enterprise.WorkforceReported;
import org.unionanalytics.domain.keyproject.KeyProjectRegistered;
import org.unionanalytics.domain.membership.MemberJoined;
import org.unionanalytics.domain.membership.MemberLeft;
import org.unionanalytics.domain.membership.MemberTransferred;
import org.unionanalytics.domain.proposal.OperationMethodPromoted;
import org.unionanalytics.domain.proposal.ProposalAdopted;
import org.unionanalytics.domain.proposal.ProposalImplemented;
import org.unionanalytics.domain.proposal.ProposalRecognised;
import org.unionanalytics.domain.proposal.ProposalRejected;
import org.unionanalytics.domain.proposal.ProposalSubmitted;
import org.unionanalytics.domain.union.UnionDissolved;
import org.unionanalytics.domain.union.UnionEstablished;

import java.util.Map;

/**
 * The names events are stored under. A stored name outlives the Java class: rename or move a
 * class freely, but never change a name here, or history written under it can no longer be read.
 */
public final class EventTypes {

    public static final Map<String, Class<?>> BY_STORED_NAME = Map.ofEntries(
            Map.entry("EnterpriseRegistered", EnterpriseRegistered.class),
            Map.entry("WorkforceReported", WorkforceReported.class),
            Map.entry("EnterpriseCovered", EnterpriseCovered.class),
            Map.entry("CoverageEnded", CoverageEnded.class),
            Map.entry("EnterpriseDeregistered", EnterpriseDeregistered.class),
            Map.entry("KeyProjectRegistered", KeyProjectRegistered.class),
            Map.entry("UnionEstablished", UnionEstablished.class),
            Map.entry("UnionDissolved", UnionDissolved.class),
            Map.entry("MemberJoined", MemberJoined.class),
            Map.entry("MemberTransferred", MemberTransferred.class),
            Map.entry("MemberLeft", MemberLeft.class),
            Map.entry("CompetitionLaunched", CompetitionLaunched.class),
            Map.entry("ParticipantEnrolled", ParticipantEnrolled.class),
            Map.entry("AwardGranted", AwardGranted.class),
            Map.entry("CompetitionClosed", CompetitionClosed.class),
            Map.entry("ProposalSubmitted", ProposalSubmitted.class),
            Map.entry("ProposalAdopted", ProposalAdopted.class),
            Map.entry("ProposalRejected", ProposalRejected.class),
            Map.entry("ProposalImplemented", ProposalImplemented.class),
            Map.entry("ProposalRecognised", ProposalRecognised.class),
            Map.entry("OperationMethodPromoted", OperationMethodPromoted.class));

    private EventTypes() {
    }
}
