package org.unionanalytics.readmodel.cube;

/** What a cube member holds, which decides the filters it takes and how its values travel. */
public enum ValueType {
    STRING, DATE, TIMESTAMP, INTEGER, BOOLEAN,
    /** Money in yuan: summed exactly as DECIMAL, sent as a string. */
    MONEY,
    /** A fraction between 0 and 1. */
    RATE
}
