package org.unionanalytics.api.history;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;
import org.unionanalytics.domain.AggregateTypes;
import org.unionanalytics.domain.EventTypes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The event and aggregate types clients may filter by are the names the domain stores its events under. */
class EventTypesContractTest {

    @Test
    void the_sdls_event_types_are_the_stored_names_of_the_domains_events() throws IOException {
        var history = new SchemaParser().parse(Files.readString(Path.of("../../schema/history.graphqls")));
        var eventType = history.getType("EventType", EnumTypeDefinition.class).orElseThrow();

        assertThat(eventType.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(EventTypes.BY_STORED_NAME.keySet());
    }

    @Test
    void the_sdls_aggregate_types_are_the_domains_aggregates() throws IOException {
        var history = new SchemaParser().parse(Files.readString(Path.of("../../schema/history.graphqls")));
        var aggregateType = history.getType("AggregateType", EnumTypeDefinition.class).orElseThrow();

        assertThat(aggregateType.getEnumValueDefinitions()).extracting(EnumValueDefinition::getName)
                .containsExactlyInAnyOrderElementsOf(AggregateTypes.BY_NAME.keySet());
        AggregateTypes.BY_NAME.forEach((name, type) -> assertThat(type.getSimpleName()).isEqualTo(name));
    }
}
