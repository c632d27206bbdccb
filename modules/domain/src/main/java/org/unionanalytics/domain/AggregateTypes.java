package org.unionanalytics.domain;

import org.unionanalytics.domain.competition.Competition;
import org.unionanalytics.domain.enterprise.Enterprise;
import org.unionanalytics.domain.keyproject.KeyProject;
import org.unionanalytics.domain.membership.Membership;
import org.unionanalytics.domain.proposal.Proposal;
import org.unionanalytics.domain.union.Union;

import java.util.Map;

/** The event-sourced aggregates, by the type name their events are stored with (the class's simple name, Axon's default). */
public final class AggregateTypes {

    public static final Map<String, Class<?>> BY_NAME = Map.of(
            "Enterprise", Enterprise.class,
            "Union", Union.class,
            "Membership", Membership.class,
            "KeyProject", KeyProject.class,
            "Competition", Competition.class,
            "Proposal", Proposal.class);

    private AggregateTypes() {
    }
}
