package org.unionanalytics.domain.competition;

import org.unionanalytics.domain.shared.Ids;

public enum ParticipantKind {
    MEMBER(Ids.MEMBER), TEAM(Ids.TEAM), ENTERPRISE(Ids.ENTERPRISE);

    private final String idType;

    ParticipantKind(String idType) {
        this.idType = idType;
    }

    public String idType() {
        return idType;
    }

    public boolean isCollective() {
        return this != MEMBER;
    }
}
