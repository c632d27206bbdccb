package org.unionanalytics.domain.shared;

/**
 * Aggregate ids carry their type ({@code union-…}, {@code member-…}) because Axon reads an
 * aggregate by id alone, and because an id in an event or a query should say what it names.
 */
public final class Ids {

    public static final String ENTERPRISE = "enterprise";
    public static final String UNION = "union";
    public static final String MEMBER = "member";
    public static final String KEY_PROJECT = "keyproject";
    public static final String COMPETITION = "competition";
    public static final String PROPOSAL = "proposal";
    public static final String TEAM = "team";

    private Ids() {
    }

    public static boolean isOfType(String id, String type) {
        if (id == null || id.length() <= type.length() + 1 || id.length() > 100
                || !id.startsWith(type) || id.charAt(type.length()) != '-') {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (!allowed(id.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Checked for every id of every command (millions in an import), so the message is built only on refusal. */
    public static void require(String id, String type) {
        if (!isOfType(id, type)) {
            throw new RuleViolation("id-format", "'" + id + "' is not a " + type + " id: it must look like " + type
                    + "-<letters, digits, '-', '_' or '.'> (at most 100 characters)");
        }
    }

    private static boolean allowed(int c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.';
    }
}
