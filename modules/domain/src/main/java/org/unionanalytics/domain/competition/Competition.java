package org.unionanalytics.domain.competition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.unionanalytics.domain.enterprise.EnterpriseRegistry;
import org.unionanalytics.domain.keyproject.KeyProjectRegistry;
import org.unionanalytics.domain.membership.MemberRegistry;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;
import org.unionanalytics.domain.shared.NotFound;
import org.unionanalytics.domain.shared.RuleViolation;
import org.unionanalytics.domain.union.UnionFacts;
import org.unionanalytics.domain.union.UnionRegistry;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;

/**
 * A labour competition: launched by an active union, open for enrolment during its period until
 * closed (members enrol as members of a union on the day), awards only for those enrolled (from
 * their enrolment on), closed once.
 * <p>
 * The revision names the shape of the state a snapshot holds: snapshots of another revision are
 * passed over and the competition is rebuilt from its events (revision 2 keeps enrolment dates).
 */
@Revision("2")
public class Competition {

    @AggregateIdentifier
    private String competitionId;
    private LocalDate startsOn;
    private LocalDate endsOn;
    private LocalDate closedOn;
    private final Map<String, Enrolment> participants = new HashMap<>();
    private final Set<String> awards = new HashSet<>();

    protected Competition() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public Competition(LaunchCompetition command, UnionRegistry unions, KeyProjectRegistry keyProjects) {
        Ids.require(command.competitionId(), Ids.COMPETITION);
        require(command.kind() != null, "kind-required", "a competition needs a kind");
        require(command.title() != null && !command.title().isBlank(), "title-required", "a competition needs a title");
        require(command.startsOn() != null, "date-required", "a competition needs a start date");
        Dates.requireNotBefore(command.endsOn(), command.startsOn(), "period-in-order", "the end of a competition");
        UnionFacts organiser = unions.requireUnion(command.organiserUnionId());
        require(organiser.isActive(), "organiser-active",
                organiser.unionId() + " was dissolved on " + organiser.dissolvedOn() + " and launches no competition");
        Dates.requireNotBefore(command.startsOn(), organiser.foundedOn(), "not-before-founding",
                "a competition of " + organiser.unionId());
        if (command.kind() == CompetitionKind.KEY_PROJECT_MERIT) {
            require(command.keyProjectId() != null, "key-project-required",
                    "a KEY_PROJECT_MERIT competition names the key project it is held on");
            require(keyProjects.isKeyProject(command.keyProjectId()), "key-project-registered",
                    command.keyProjectId() + " is not on the list of key projects");
        } else {
            require(command.keyProjectId() == null, "key-project-only-for-merit",
                    "only KEY_PROJECT_MERIT competitions name a key project");
        }
        apply(new CompetitionLaunched(command.competitionId(), command.organiserUnionId(), command.kind(),
                command.title(), command.startsOn(), command.endsOn(), command.keyProjectId()));
    }

    @CommandHandler
    public void handle(EnrollParticipants command, MemberRegistry members, EnterpriseRegistry enterprises) {
        require(closedOn == null, "enrol-while-open", competitionId + " was closed on " + closedOn);
        require(command.participants() != null && !command.participants().isEmpty(), "participants-not-empty",
                "an enrolment needs at least one participant");
        require(command.enrolledOn() != null, "date-required", "an enrolment needs a date");
        require(!command.enrolledOn().isBefore(startsOn) && !command.enrolledOn().isAfter(endsOn), "enrol-while-open",
                competitionId + " runs from " + startsOn + " to " + endsOn + ", not on " + command.enrolledOn());
        Set<String> seen = new HashSet<>();
        for (Participant participant : command.participants()) {
            require(participant.kind() != null, "kind-required", "a participant needs a kind");
            Ids.require(participant.participantId(), participant.kind().idType());
            require(seen.add(participant.participantId()) && !participants.containsKey(participant.participantId()),
                    "enrol-once", participant.participantId() + " is already enrolled in " + competitionId);
        }
        requireEligible(command.participants(), command.enrolledOn(), members, enterprises);
        command.participants().forEach(participant -> apply(new ParticipantEnrolled(competitionId,
                participant.kind(), participant.participantId(), command.enrolledOn())));
    }

    /**
     * Members and enterprises take part under ids the log knows (a team has no history of its own):
     * a typo would otherwise count as a participant. A member takes part as a member of a union on
     * the day of enrolment (one who never joined any is not found rather than out of a union), an
     * enterprise as a registered one.
     */
    private static void requireEligible(List<Participant> participants, LocalDate day, MemberRegistry members,
                                        EnterpriseRegistry enterprises) {
        for (Participant participant : participants) {
            String id = participant.participantId();
            if (participant.kind() == ParticipantKind.MEMBER && members.unionOn(id, day).isEmpty()) {
                if (members.joinedBefore(List.of(id)).isEmpty()) {
                    throw new NotFound("member", id);
                }
                throw new RuleViolation("member-of-a-union", id + " was not a member of any union on " + day);
            }
            if (participant.kind() == ParticipantKind.ENTERPRISE) {
                enterprises.requireRegisteredOn(id, day, "enrolment");
            }
        }
    }

    @CommandHandler
    public void handle(GrantAward command) {
        Enrolment enrolment = participants.get(command.participantId());
        require(enrolment != null, "award-to-enrolled",
                command.participantId() + " is not enrolled in " + competitionId + " and cannot be awarded");
        require(command.title() != null && command.title().fits(enrolment.kind()), "award-fits-participant",
                command.title() + " is not awarded to a " + enrolment.kind());
        require(!awards.contains(command.participantId() + command.title()), "award-once",
                command.participantId() + " already holds " + command.title() + " in " + competitionId);
        require(command.grantedOn() != null, "date-required", "an award needs a date");
        require(!command.grantedOn().isBefore(enrolment.enrolledOn()), "not-before-enrolment",
                command.participantId() + " was enrolled in " + competitionId + " on " + enrolment.enrolledOn()
                        + "; an award on " + command.grantedOn() + " would come before it");
        apply(new AwardGranted(competitionId, command.participantId(), command.title(), command.grantedOn()));
    }

    @CommandHandler
    public void handle(CloseCompetition command) {
        require(closedOn == null, "closed-once", competitionId + " was already closed on " + closedOn);
        Dates.requireNotBefore(command.closedOn(), startsOn, "not-before-start", "closing " + competitionId);
        apply(new CompetitionClosed(competitionId, command.closedOn()));
    }

    @EventSourcingHandler
    void on(CompetitionLaunched event) {
        competitionId = event.competitionId();
        startsOn = event.startsOn();
        endsOn = event.endsOn();
    }

    @EventSourcingHandler
    void on(ParticipantEnrolled event) {
        participants.put(event.participantId(), new Enrolment(event.kind(), event.enrolledOn()));
    }

    @EventSourcingHandler
    void on(AwardGranted event) {
        awards.add(event.participantId() + event.title());
    }

    @EventSourcingHandler
    void on(CompetitionClosed event) {
        closedOn = event.closedOn();
    }

    private record Enrolment(ParticipantKind kind, LocalDate enrolledOn) {
    }
}
