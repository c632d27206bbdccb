package org.unionanalytics.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredNameSerializerTest {

    record CardIssued(String cardId, int amount) {
    }

    private final JacksonSerializer jackson = JacksonSerializer.defaultSerializer();
    private final StoredNameSerializer serializer = new StoredNameSerializer(jackson, Map.of("CardIssued", CardIssued.class));

    @Test
    void an_event_is_stored_under_its_own_name_and_reads_back_as_it_was() {
        SerializedObject<byte[]> stored = serializer.serialize(new CardIssued("card-1", 30), byte[].class);
        assertThat(stored.getType().getName()).isEqualTo("CardIssued");
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"cardId\":\"card-1\"");
        assertThat(serializer.<byte[], CardIssued>deserialize(stored)).isEqualTo(new CardIssued("card-1", 30));
    }

    @Test
    void an_event_handed_on_as_a_json_tree_reads_back_too() {
        SerializedObject<JsonNode> tree = serializer.serialize(new CardIssued("card-2", 5), JsonNode.class);
        assertThat(serializer.<JsonNode, CardIssued>deserialize(tree)).isEqualTo(new CardIssued("card-2", 5));
    }

    @Test
    void types_without_a_stored_name_keep_the_class_name() {
        SerializedObject<byte[]> metaData = serializer.serialize(MetaData.with("commandId", "c-1"), byte[].class);
        assertThat(metaData.getType().getName()).isEqualTo(MetaData.class.getName());
        assertThat(serializer.<byte[], MetaData>deserialize(metaData)).isEqualTo(MetaData.with("commandId", "c-1"));
    }

    @Test
    void each_type_resolves_to_its_own_class_every_time_it_is_asked() {
        for (int time = 0; time < 2; time++) {
            assertThat(serializer.classForType(new SimpleSerializedType("CardIssued", null))).isEqualTo(CardIssued.class);
            assertThat(serializer.classForType(new SimpleSerializedType(MetaData.class.getName(), null))).isEqualTo(MetaData.class);
            assertThat(serializer.classForType(new SimpleSerializedType("no.such.Type", null))).isEqualTo(UnknownSerializedType.class);
        }
    }

    @Test
    void a_damaged_record_is_refused_naming_its_event_type() {
        var damaged = new SimpleSerializedObject<>("{\"cardId\":".getBytes(StandardCharsets.UTF_8), byte[].class, "CardIssued", null);
        assertThatThrownBy(() -> serializer.deserialize(damaged))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("CardIssued");
    }
}
