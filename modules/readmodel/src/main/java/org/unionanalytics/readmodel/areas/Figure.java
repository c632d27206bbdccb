package org.unionanalytics.readmodel.areas;

import java.util.Locale;

/** The grassroots figures kept per township and day, in the column order of {@code area_changes}. */
enum Figure {
    /** Registered enterprises. */
    REGISTERED,
    /** Registered enterprises covered by a live grassroots union. */
    COVERED,
    /** The latest headcount each registered enterprise reported. */
    WORKERS,
    /** Live grassroots unions. */
    UNIONS,
    /** Live township federations. */
    FEDERATIONS,
    /** Live unions of any kind placed in the township: with live enterprises, what makes a township known. */
    PLACED_UNIONS,
    /** Members of live grassroots unions. */
    MEMBERS;

    static final Figure[] ALL = values();

    /** Its column in {@code area_changes}. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }
}
