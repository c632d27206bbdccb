package org.unionanalytics.eventstore;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetResolverTest {

    record GrantPrize(@TargetAggregateIdentifier String competitionId, String winner) {
    }

    record RenameUnion(@TargetAggregateIdentifier String unionId, @TargetAggregateVersion Long expectedVersion) {
    }

    record EnrollRoster(String unionId) {
    }

    private final CachedCommandTargetResolver resolver = CachedCommandTargetResolver.INSTANCE;

    @Test
    void a_command_names_its_aggregate_by_its_annotated_member_each_time_it_is_sent() {
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new GrantPrize("competition-1", "a")))
                .getIdentifier()).isEqualTo("competition-1");
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new GrantPrize("competition-2", "b")))
                .getIdentifier()).isEqualTo("competition-2");
    }

    @Test
    void an_expected_version_is_read_when_the_command_carries_one() {
        var target = resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new RenameUnion("union-1", 4L)));
        assertThat(target.getIdentifier()).isEqualTo("union-1");
        assertThat(target.getVersion()).isEqualTo(4L);
        assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new RenameUnion("union-1", null)))
                .getVersion()).isNull();
    }

    @Test
    void a_command_without_a_target_is_refused_by_name() {
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new EnrollRoster("union-1"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EnrollRoster");
        assertThatThrownBy(() -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new GrantPrize(null, "a"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GrantPrize");
    }

    @Test
    void a_command_without_a_target_has_no_identifier_to_ask_for() {
        assertThat(resolver.identifierOf(GenericCommandMessage.asCommandMessage(new EnrollRoster("union-1")))).isEmpty();
        assertThat(resolver.identifierOf(GenericCommandMessage.asCommandMessage(new GrantPrize(null, "a")))).isEmpty();
        assertThat(resolver.identifierOf(GenericCommandMessage.asCommandMessage(new GrantPrize("competition-1", "a"))))
                .contains("competition-1");
    }
}
