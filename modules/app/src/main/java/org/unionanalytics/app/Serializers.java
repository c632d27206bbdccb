package org.unionanalytics.app;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.unionanalytics.domain.EventTypes;
import org.unionanalytics.eventstore.StoredNameSerializer;

/** Jackson everywhere (Axon's XStream default warns at start and cannot read events back). */
final class Serializers {

    private Serializers() {
    }

    static JacksonSerializer messages() {
        return JacksonSerializer.builder().objectMapper(mapper()).build();
    }

    /** Events are stored under the names of {@link EventTypes}, not under Java class names. */
    static Serializer events() {
        return new StoredNameSerializer(messages(), EventTypes.BY_STORED_NAME);
    }

    /** Snapshots hold an aggregate's private fields, which have no getters. */
    static Serializer snapshots() {
        ObjectMapper mapper = mapper()
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new IsoDates())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
