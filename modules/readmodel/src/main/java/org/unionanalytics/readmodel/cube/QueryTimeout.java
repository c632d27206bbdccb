package org.unionanalytics.readmodel.cube;

import java.time.Duration;

/** A query ran longer than allowed and was cancelled. */
public class QueryTimeout extends RuntimeException {

    public QueryTimeout(Duration limit) {
        super("the query ran longer than " + limit.toMillis() + " ms and was cancelled; narrow it with where, or ask for fewer groups");
    }
}
