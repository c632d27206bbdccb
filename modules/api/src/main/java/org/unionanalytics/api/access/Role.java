package org.unionanalytics.api.access;

import java.util.Locale;

/** What a caller may do; tokens name their roles in lower case in a {@code roles} claim. */
public enum Role {
    /** Sends commands: every mutation but the rebuild. */
    RECORDER,
    /** Reads analytics, the report and entities. */
    ANALYST,
    /** Reads the event log and follows its feed. */
    AUDITOR,
    /** Reads the server's metrics, and nothing else: the role of a scraper, whose token sits in its configuration. */
    MONITOR,
    /** Rebuilds the read model, and may do all the others do. */
    ADMIN;

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
