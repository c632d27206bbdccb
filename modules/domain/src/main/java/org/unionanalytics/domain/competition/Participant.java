package org.unionanalytics.domain.competition;

/** A member, a team or an enterprise taking part in a competition. */
public record Participant(ParticipantKind kind, String participantId) {
}
