package org.unionanalytics.scenario;

import org.unionanalytics.domain.competition.CloseCompetition;
import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.competition.GrantAward;
import org.unionanalytics.domain.competition.LaunchCompetition;
import org.unionanalytics.domain.enterprise.CoverEnterprise;
import org.unionanalytics.domain.enterprise.DeregisterEnterprise;
import org.unionanalytics.domain.enterprise.EndCoverage;
import org.unionanalytics.domain.enterprise.RegisterEnterprise;
import org.unionanalytics.domain.enterprise.ReportWorkforce;
import org.unionanalytics.domain.keyproject.RegisterKeyProject;
import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;
import org.unionanalytics.domain.membership.TransferMember;
import org.unionanalytics.domain.proposal.AdoptProposal;
import org.unionanalytics.domain.proposal.ImplementProposal;
import org.unionanalytics.domain.proposal.PromoteOperationMethod;
import org.unionanalytics.domain.proposal.RecogniseProposal;
import org.unionanalytics.domain.proposal.RejectProposal;
import org.unionanalytics.domain.proposal.SubmitProposal;
import org.unionanalytics.domain.union.DissolveUnion;
import org.unionanalytics.domain.union.EstablishUnion;

import java.util.List;

/** The commands a history file may hold, named in it by their simple class names. */
final class CommandTypes {

    static final List<Class<?>> ALL = List.of(RegisterEnterprise.class, ReportWorkforce.class, CoverEnterprise.class,
            EndCoverage.class, DeregisterEnterprise.class, RegisterKeyProject.class, EstablishUnion.class,
            DissolveUnion.class, EnrollMembers.class, TransferMember.class, LeaveUnion.class, LaunchCompetition.class,
            EnrollParticipants.class, GrantAward.class, CloseCompetition.class, SubmitProposal.class, AdoptProposal.class,
            RejectProposal.class, ImplementProposal.class, RecogniseProposal.class, PromoteOperationMethod.class);

    private CommandTypes() {
    }
}
