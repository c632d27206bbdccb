package org.unionanalytics.readmodel.cube;

/**
 * A dimension, time dimension or measure of a cube: its public name and the SQL that computes it
 * from the cube's source row {@code f}. The SQL is part of the server, never built from input.
 * What a member means is said where clients read it, on its field in {@code schema/analytics.graphqls}.
 */
public record Member(String name, Kind kind, String sql, ValueType type) {

    public enum Kind { DIMENSION, TIME_DIMENSION, MEASURE }

    public static Member dimension(String name, String sql, ValueType type) {
        return new Member(name, Kind.DIMENSION, sql, type);
    }

    public static Member time(String name, String sql) {
        return new Member(name, Kind.TIME_DIMENSION, sql, ValueType.DATE);
    }

    public static Member timestamp(String name, String sql) {
        return new Member(name, Kind.TIME_DIMENSION, sql, ValueType.TIMESTAMP);
    }

    public static Member measure(String name, String sql, ValueType type) {
        return new Member(name, Kind.MEASURE, sql, type);
    }
}
