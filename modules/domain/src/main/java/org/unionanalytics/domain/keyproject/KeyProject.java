package org.unionanalytics.domain.keyproject;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.unionanalytics.domain.shared.Dates;
import org.unionanalytics.domain.shared.Ids;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.unionanalytics.domain.shared.RuleViolation.require;

/** A project on the city's list of key construction projects; merit competitions are held on them. */
public class KeyProject {

    @AggregateIdentifier
    private String keyProjectId;

    protected KeyProject() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    public KeyProject(RegisterKeyProject command) {
        Ids.require(command.keyProjectId(), Ids.KEY_PROJECT);
        require(command.name() != null && !command.name().isBlank(), "name-required", "a key project needs a name");
        require(command.district() != null, "district-required", "a key project needs a district");
        require(command.startsOn() != null, "date-required", "a key project needs a start date");
        Dates.requireNotBefore(command.endsOn(), command.startsOn(), "period-in-order", "the end of a key project");
        apply(new KeyProjectRegistered(command.keyProjectId(), command.name(), command.district(),
                command.startsOn(), command.endsOn()));
    }

    @EventSourcingHandler
    void on(KeyProjectRegistered event) {
        keyProjectId = event.keyProjectId();
    }
}
