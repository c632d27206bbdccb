package org.unionanalytics.scenario;

/** The generated history's identifiers. */
final class Ids {

    private Ids() {
    }

    /** {@code prefix} then {@code number} zero-padded to {@code width} digits; String.format took a sixth of the import's CPU. */
    static String id(String prefix, long number, int width) {
        String digits = Long.toString(number);
        return prefix + "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    static String enterprise(int e) {
        return id("enterprise-", e, 7);
    }

    static String member(long m) {
        return id("member-", m, 8);
    }

    static String keyProject(int k) {
        return id("keyproject-", k, 5);
    }
}
