package org.unionanalytics.api.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A mutation's input object, read field by field into a command. */
final class Input {

    private final Map<String, Object> fields;

    Input(Map<String, Object> fields) {
        this.fields = fields;
    }

    String string(String name) {
        return (String) fields.get(name);
    }

    LocalDate date(String name) {
        return (LocalDate) fields.get(name);
    }

    int integer(String name) {
        return (Integer) fields.get(name);
    }

    BigDecimal money(String name) {
        return (BigDecimal) fields.get(name);
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type) {
        Object value = fields.get(name);
        return value == null ? null : Enum.valueOf(type, value.toString());
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return (List<String>) fields.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Input> objects(String name) {
        return ((List<Map<String, Object>>) fields.get(name)).stream().map(Input::new).toList();
    }

    /** The given id, or a fresh one of the aggregate's type when the client left it out. */
    String idOrNew(String name, String type) {
        String id = string(name);
        return id != null ? id : type + "-" + UUID.randomUUID();
    }
}
