package org.unionanalytics.domain.shared;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * A command broke one of the domain's rules. The rule has a stable name (clients may branch on it)
 * and the message says in plain words what was wrong; nothing of the command was stored.
 */
public class RuleViolation extends RuntimeException {

    private final String rule;

    public RuleViolation(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }

    /** Refuses with {@code rule} unless {@code condition} holds. */
    public static void require(boolean condition, String rule, String message) {
        if (!condition) {
            throw new RuleViolation(rule, message);
        }
    }

    /** Refuses as {@code no-repeats}, naming the first id that {@code ids} lists twice in {@code list}. */
    public static void requireNoRepeats(Collection<String> ids, String list) {
        Set<String> seen = new HashSet<>(ids.size() * 2);
        for (String id : ids) {
            if (!seen.add(id)) {
                throw new RuleViolation("no-repeats", id + " is listed twice in " + list);
            }
        }
    }
}
