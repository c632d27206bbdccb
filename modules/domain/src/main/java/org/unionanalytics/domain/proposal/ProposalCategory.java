package org.unionanalytics.domain.proposal;

public enum ProposalCategory {
    /** 合理化建议. */
    RATIONALIZATION,
    /** 先进操作法: may be promoted to further enterprises once adopted. */
    OPERATION_METHOD,
    SMALL_INVENTION, SMALL_RENOVATION, SMALL_DESIGN, SMALL_REFORM
}
