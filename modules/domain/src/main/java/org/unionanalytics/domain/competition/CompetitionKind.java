package org.unionanalytics.domain.competition;

public enum CompetitionKind {
    /** 立功竞赛 on a key construction project. */
    KEY_PROJECT_MERIT,
    /** 技能精英赛. */
    SKILL_ELITE,
    /** 群英赛: mass skill contests. */
    MASS_SKILL,
    /** "五小": small inventions, renovations, designs, proposals and reforms. */
    FIVE_SMALLS,
    /** 专项竞赛 such as 五水共治 or 三改一拆. */
    SPECIAL_CAMPAIGN;

    /** The kinds the report counts as skill contests (技能竞赛): the elite and the mass ones. */
    public boolean skillContest() {
        return this == SKILL_ELITE || this == MASS_SKILL;
    }
}
