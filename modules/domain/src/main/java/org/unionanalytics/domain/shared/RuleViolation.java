package org.unionanalytics.domain.shared;

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
}
