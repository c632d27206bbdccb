package org.unionanalytics.domain.competition;

public enum AwardTitle {
    /** 建设功臣: an individual honour. */
    MERIT_BUILDER,
    /** 模范集体: a collective honour, for teams and enterprises. */
    MODEL_COLLECTIVE,
    FIRST_PRIZE, SECOND_PRIZE, THIRD_PRIZE;

    public boolean fits(ParticipantKind kind) {
        return switch (this) {
            case MERIT_BUILDER -> !kind.isCollective();
            case MODEL_COLLECTIVE -> kind.isCollective();
            default -> true;
        };
    }
}
