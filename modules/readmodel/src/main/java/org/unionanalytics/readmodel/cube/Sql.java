package org.unionanalytics.readmodel.cube;

import java.util.ArrayList;
import java.util.List;

/** SQL text under construction and its bound parameters, kept in step. */
final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    Sql append(String sql) {
        text.append(sql);
        return this;
    }

    /** Appends a placeholder bound to {@code value}. */
    Sql bind(Object value) {
        text.append('?');
        parameters.add(value);
        return this;
    }

    Sql append(Sql other) {
        text.append(other.text);
        parameters.addAll(other.parameters);
        return this;
    }

    String text() {
        return text.toString();
    }

    List<Object> parameters() {
        return List.copyOf(parameters);
    }
}
