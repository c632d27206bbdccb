package org.unionanalytics.readmodel.cube;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A set of facts to slice: a source relation and the members defined on it.
 *
 * <p>The source is SQL over the fact fragments of {@link Facts} ({@code {use:name}}), taken on a
 * business date {@code {on}}; a section {@code [[columns: sql]]} is left out unless the question
 * needs one of its columns ({@link NeededColumns}), so a join nobody asked for costs nothing.
 * A <em>stock</em> cube holds what was valid on that date (members, enterprises) and defaults to
 * today; it can also be evaluated at the end of each period of a series (the {@code date} time dimension). A
 * <em>flow</em> cube holds what had happened by that date (proposals, enrolments) and defaults
 * to everything.
 */
public record Cube(String name, boolean stock, String source, Map<String, Member> members) {

    /** The time dimension of stock cubes that evaluates the cube at the end of each period. */
    public static final String PERIOD = "date";

    public static Cube stock(String name, String source, List<Member> members) {
        return new Cube(name, true, source, byName(members));
    }

    public static Cube flow(String name, String source, List<Member> members) {
        return new Cube(name, false, source, byName(members));
    }

    private static Map<String, Member> byName(List<Member> members) {
        Map<String, Member> byName = new LinkedHashMap<>();
        for (Member member : members) {
            if (byName.put(member.name(), member) != null) {
                throw new IllegalStateException("two members of a cube are named " + member.name());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    public Optional<Member> member(String name) {
        return Optional.ofNullable(members.get(name));
    }
}
