package org.unionanalytics.domain.proposal;

public enum ProposalStatus {
    SUBMITTED, ADOPTED, REJECTED, IMPLEMENTED;

    public boolean isAdopted() {
        return this == ADOPTED || this == IMPLEMENTED;
    }
}
