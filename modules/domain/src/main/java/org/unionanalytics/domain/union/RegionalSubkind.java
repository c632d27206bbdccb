package org.unionanalytics.domain.union;

/** The kind of area a {@link UnionKind#REGIONAL} union organises. */
public enum RegionalSubkind {
    COMMUNITY, VILLAGE, BUSINESS_DISTRICT, BUILDING
}
