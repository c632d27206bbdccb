package org.unionanalytics.api.command;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import org.unionanalytics.api.access.Caller;
import org.unionanalytics.domain.competition.AwardTitle;
import org.unionanalytics.domain.competition.CloseCompetition;
import org.unionanalytics.domain.competition.CompetitionKind;
import org.unionanalytics.domain.competition.EnrollParticipants;
import org.unionanalytics.domain.competition.GrantAward;
import org.unionanalytics.domain.competition.LaunchCompetition;
import org.unionanalytics.domain.competition.Participant;
import org.unionanalytics.domain.competition.ParticipantKind;
import org.unionanalytics.domain.enterprise.CoverEnterprise;
import org.unionanalytics.domain.enterprise.DeregisterEnterprise;
import org.unionanalytics.domain.enterprise.EndCoverage;
import org.unionanalytics.domain.enterprise.Industry;
import org.unionanalytics.domain.enterprise.Ownership;
import org.unionanalytics.domain.enterprise.RegisterEnterprise;
import org.unionanalytics.domain.enterprise.ReportWorkforce;
import org.unionanalytics.domain.keyproject.RegisterKeyProject;
import org.unionanalytics.domain.membership.EnrollMembers;
import org.unionanalytics.domain.membership.LeaveUnion;
import org.unionanalytics.domain.membership.TransferMember;
import org.unionanalytics.domain.proposal.AdoptProposal;
import org.unionanalytics.domain.proposal.ImplementProposal;
import org.unionanalytics.domain.proposal.PromoteOperationMethod;
import org.unionanalytics.domain.proposal.ProposalCategory;
import org.unionanalytics.domain.proposal.RecogniseProposal;
import org.unionanalytics.domain.proposal.RejectProposal;
import org.unionanalytics.domain.proposal.SubmitProposal;
import org.unionanalytics.domain.shared.District;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.union.DissolveUnion;
import org.unionanalytics.domain.union.EstablishUnion;
import org.unionanalytics.domain.union.RegionalSubkind;
import org.unionanalytics.domain.union.UnionKind;

import java.util.Map;
import java.util.function.Function;

/** One mutation per command, named as the command in lowerCamelCase. */
public final class Mutations {

    private final CommandDispatcher dispatcher;

    public Mutations(CommandDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    public void wire(RuntimeWiring.Builder wiring) {
        wiring.type("Mutation", type -> type
                .dataFetcher("registerEnterprise", command("id", in -> new RegisterEnterprise(
                        in.idOrNew("id", Ids.ENTERPRISE), in.string("name"), in.enumValue("ownership", Ownership.class),
                        in.enumValue("industry", Industry.class), in.enumValue("district", District.class),
                        in.string("township"), in.date("registeredOn"))))
                .dataFetcher("reportWorkforce", command("enterpriseId", in -> new ReportWorkforce(
                        in.string("enterpriseId"), in.integer("headcount"), in.date("effectiveFrom"))))
                .dataFetcher("coverEnterprise", command("enterpriseId", in -> new CoverEnterprise(
                        in.string("enterpriseId"), in.string("unionId"), in.date("since"))))
                .dataFetcher("endCoverage", command("enterpriseId", in -> new EndCoverage(
                        in.string("enterpriseId"), in.date("endedOn"))))
                .dataFetcher("deregisterEnterprise", command("enterpriseId", in -> new DeregisterEnterprise(
                        in.string("enterpriseId"), in.date("deregisteredOn"))))
                .dataFetcher("registerKeyProject", command("id", in -> new RegisterKeyProject(
                        in.idOrNew("id", Ids.KEY_PROJECT), in.string("name"), in.enumValue("district", District.class),
                        in.date("startsOn"), in.date("endsOn"))))
                .dataFetcher("establishUnion", command("id", in -> new EstablishUnion(
                        in.idOrNew("id", Ids.UNION), in.string("name"), in.enumValue("kind", UnionKind.class),
                        in.enumValue("subkind", RegionalSubkind.class), in.enumValue("district", District.class),
                        in.string("township"), in.string("parentId"), in.date("foundedOn"),
                        in.strings("coveredEnterpriseIds"))))
                .dataFetcher("dissolveUnion", command("unionId", in -> new DissolveUnion(
                        in.string("unionId"), in.date("dissolvedOn"))))
                .dataFetcher("enrollMembers", command("unionId", in -> new EnrollMembers(
                        in.string("unionId"), in.strings("memberIds"), in.date("joinedOn"))))
                .dataFetcher("transferMember", command("memberId", in -> new TransferMember(
                        in.string("memberId"), in.string("toUnionId"), in.date("transferredOn"))))
                .dataFetcher("leaveUnion", command("memberId", in -> new LeaveUnion(
                        in.string("memberId"), in.date("leftOn"))))
                .dataFetcher("launchCompetition", command("id", in -> new LaunchCompetition(
                        in.idOrNew("id", Ids.COMPETITION), in.string("organiserUnionId"),
                        in.enumValue("kind", CompetitionKind.class), in.string("title"), in.date("startsOn"),
                        in.date("endsOn"), in.string("keyProjectId"))))
                .dataFetcher("enrollParticipants", command("competitionId", in -> new EnrollParticipants(
                        in.string("competitionId"), in.objects("participants").stream().map(p -> new Participant(
                                p.enumValue("kind", ParticipantKind.class), p.string("id"))).toList(),
                        in.date("enrolledOn"))))
                .dataFetcher("grantAward", command("competitionId", in -> new GrantAward(
                        in.string("competitionId"), in.string("participantId"), in.enumValue("title", AwardTitle.class),
                        in.date("grantedOn"))))
                .dataFetcher("closeCompetition", command("competitionId", in -> new CloseCompetition(
                        in.string("competitionId"), in.date("closedOn"))))
                .dataFetcher("submitProposal", command("id", in -> new SubmitProposal(
                        in.idOrNew("id", Ids.PROPOSAL), in.string("memberId"), in.string("unionId"),
                        in.string("enterpriseId"), in.enumValue("category", ProposalCategory.class), in.string("title"),
                        in.date("submittedOn"))))
                .dataFetcher("adoptProposal", command("proposalId", in -> new AdoptProposal(
                        in.string("proposalId"), in.date("adoptedOn"))))
                .dataFetcher("rejectProposal", command("proposalId", in -> new RejectProposal(
                        in.string("proposalId"), in.date("rejectedOn"), in.string("reason"))))
                .dataFetcher("implementProposal", command("proposalId", in -> new ImplementProposal(
                        in.string("proposalId"), in.date("implementedOn"), in.money("economicBenefitYuan"))))
                .dataFetcher("recogniseProposal", command("proposalId", in -> new RecogniseProposal(
                        in.string("proposalId"), in.date("recognisedOn"))))
                .dataFetcher("promoteOperationMethod", command("proposalId", in -> new PromoteOperationMethod(
                        in.string("proposalId"), in.strings("enterpriseIds"), in.date("promotedOn")))));
    }

    /**
     * A mutation that sends one command. {@code targetField} names the addressed aggregate; when it
     * is a creation's optional id and the client left it out, the receipt names the created aggregate.
     */
    private DataFetcher<Object> command(String targetField, Function<Input, Object> command) {
        return env -> {
            Input input = new Input(env.<Map<String, Object>>getArgument("input"));
            Caller caller = env.getGraphQlContext().get(Caller.CONTEXT_KEY);
            return dispatcher.dispatch(command.apply(input), input.string("commandId"), input.string(targetField),
                    caller.subject());
        };
    }
}
