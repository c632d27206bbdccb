package org.unionanalytics.readmodel.cube;

import java.util.List;

/** A {@code where} tree: conditions on members, combined with AND and OR. */
public sealed interface Filter {

    record And(List<Filter> all) implements Filter {
    }

    record Or(List<Filter> any) implements Filter {
    }

    /** {@code member operator values}; the values are bound as parameters, never spliced. */
    record Condition(String member, Operator operator, List<Object> values) implements Filter {
    }

    enum Operator {
        EQUALS, NOT_EQUALS, IN, NOT_IN, CONTAINS, GT, GTE, LT, LTE,
        /** Two dates, both included. */
        IN_DATE_RANGE,
        /** true: the member has a value; false: it has none. */
        SET
    }
}
