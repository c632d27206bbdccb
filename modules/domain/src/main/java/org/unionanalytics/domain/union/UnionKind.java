package org.unionanalytics.domain.union;

/** Where a union stands in the federation tree, and for grassroots unions, whom it organises. */
public enum UnionKind {
    /** 市总工会: the root of the tree. */
    MUNICIPAL_FEDERATION,
    /** 区县(市)总工会. */
    DISTRICT_FEDERATION,
    /** 乡镇(街道)总工会. */
    TOWNSHIP_FEDERATION,
    /** 基层工会 (单建): the union of one enterprise or institution. */
    ENTERPRISE,
    /** 联合基层工会: one union for several small enterprises. */
    JOINT,
    /** 区域性工会: a union of an area (see {@link RegionalSubkind}). */
    REGIONAL,
    /** 行业性工会: a union of one trade across employers. */
    INDUSTRY;

    public boolean isGrassroots() {
        return ordinal() >= ENTERPRISE.ordinal();
    }

    public boolean isFederation() {
        return !isGrassroots();
    }
}
