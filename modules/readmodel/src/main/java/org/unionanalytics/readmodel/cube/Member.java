package org.unionanalytics.readmodel.cube;

/**
 * A dimension, time dimension or measure of a cube: its public name and the SQL that computes it
 * from the cube's source row {@code f}. The SQL is part of the server, never built from input.
 */
public record Member(String name, Kind kind, String sql, ValueType type, String description) {

    public enum Kind { DIMENSION, TIME_DIMENSION, MEASURE }

    public static Member dimension(String name, String sql, ValueType type, String description) {
        return new Member(name, Kind.DIMENSION, sql, type, description);
    }

    public static Member time(String name, String sql, String description) {
        return new Member(name, Kind.TIME_DIMENSION, sql, ValueType.DATE, description);
    }

    public static Member timestamp(String name, String sql, String description) {
        return new Member(name, Kind.TIME_DIMENSION, sql, ValueType.TIMESTAMP, description);
    }

    public static Member measure(String name, String sql, ValueType type, String description) {
        return new Member(name, Kind.MEASURE, sql, type, description);
    }
}
