package org.unionanalytics.domain.enterprise;

public enum Ownership {
    STATE_OWNED, COLLECTIVE,
    /** 非公: private, the bulk of the enterprises unions organised in the five years. */
    PRIVATE,
    FOREIGN_INVESTED,
    /** 事业单位. */
    PUBLIC_INSTITUTION,
    SOCIAL_ORGANIZATION
}
