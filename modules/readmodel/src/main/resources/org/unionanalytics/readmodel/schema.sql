-- The analytics read model. Every row is built from events alone, and is bitemporal:
-- * business validity as dates: a spell is valid from its start date (inclusive) to its end
--   date (exclusive), open while the end is NULL; an entity from its founding or registration
--   to its dissolution or deregistration;
-- * knowledge as event positions: `recorded_pos` is the event that created the row, and each
--   later change has its own `<change>_pos` next to its value. A query "as known at position P"
--   ignores rows recorded after P and changes whose position is after P. `recorded_at` is when
--   the event that created the row happened.
-- Each attribute of these facts changes at most once in the domain, so one position per change
-- column keeps the whole history.

CREATE TABLE IF NOT EXISTS read_model_info (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);

-- Where the projector is: the position for people, the store's tracking token to resume from.
CREATE TABLE IF NOT EXISTS projection_position (
    projection VARCHAR PRIMARY KEY,
    position   BIGINT NOT NULL,
    token      VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS enterprises (
    enterprise_id   VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    ownership       VARCHAR NOT NULL,
    industry        VARCHAR NOT NULL,
    district        VARCHAR NOT NULL,
    township        VARCHAR NOT NULL,
    registered_on   DATE NOT NULL,
    deregistered_on DATE,
    recorded_pos    BIGINT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    deregistered_pos BIGINT
);

CREATE TABLE IF NOT EXISTS workforce_reports (
    enterprise_id  VARCHAR NOT NULL,
    headcount      INTEGER NOT NULL,
    effective_from DATE NOT NULL,
    recorded_pos   BIGINT NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS coverages (
    enterprise_id VARCHAR NOT NULL,
    union_id      VARCHAR NOT NULL,
    started_on    DATE NOT NULL,
    ended_on      DATE,
    started_pos   BIGINT NOT NULL,
    ended_pos     BIGINT,
    recorded_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS unions (
    union_id        VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,
    subkind         VARCHAR,
    district        VARCHAR,
    township        VARCHAR,
    parent_union_id VARCHAR,
    founded_on      DATE NOT NULL,
    dissolved_on    DATE,
    recorded_pos    BIGINT NOT NULL,
    recorded_at     TIMESTAMPTZ NOT NULL,
    dissolved_pos   BIGINT
);

CREATE TABLE IF NOT EXISTS memberships (
    member_id   VARCHAR NOT NULL,
    union_id    VARCHAR NOT NULL,
    started_on  DATE NOT NULL,
    ended_on    DATE,
    started_pos BIGINT NOT NULL,
    ended_pos   BIGINT,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- How many memberships begin (+) and end (-) in each union on each day: members of a union on a
-- date are the sum up to it. Only the present knowledge (no positions): a question as known at a
-- position counts the memberships themselves.
CREATE TABLE IF NOT EXISTS membership_changes (
    union_id VARCHAR NOT NULL,
    on_date  DATE NOT NULL,
    delta    INTEGER NOT NULL
);

-- The townships the figures below are kept for, numbered as the projector first met them.
CREATE TABLE IF NOT EXISTS townships (
    tid      INTEGER NOT NULL,
    district VARCHAR,
    township VARCHAR NOT NULL
);

-- How the grassroots figures of each township change on each day (the figures on a date are the
-- sums up to it): registered enterprises, those covered by a live grassroots union, the latest
-- headcounts they reported, live grassroots unions, live township federations, live unions of any
-- kind placed in the township, and members of live grassroots unions. Present knowledge only, like
-- membership_changes; kept by the projector (TownshipFigures).
CREATE TABLE IF NOT EXISTS area_changes (
    tid           INTEGER NOT NULL,
    on_date       DATE NOT NULL,
    registered    BIGINT NOT NULL,
    covered       BIGINT NOT NULL,
    workers       BIGINT NOT NULL,
    unions        BIGINT NOT NULL,
    federations   BIGINT NOT NULL,
    placed_unions BIGINT NOT NULL,
    members       BIGINT NOT NULL
);

-- The same changes summed by month and by year (on_date: the first of the month, of the year): a
-- date's figures are the years before its own, the months of its year before its month, and the
-- days of its month up to it.
CREATE TABLE IF NOT EXISTS area_months AS SELECT * FROM area_changes LIMIT 0;
CREATE TABLE IF NOT EXISTS area_years AS SELECT * FROM area_changes LIMIT 0;

-- Each township's figures after its last change: the sums of all its changes, and the day of the
-- last one (one row per township; kept by AreaTotals). A question taken on a date no earlier than
-- the last change of any township reads these 154 rows instead of three tables; the cube engine
-- checks that it is so in the same statement, and asks the three tables when it is not. No
-- primary key: an upsert through one cost 5 ms a row, an update of the table 2. new_area_totals
-- stages a large batch's totals on their way here, inside the batch's transaction.
CREATE TABLE IF NOT EXISTS area_totals AS
SELECT tid, on_date AS last_change, * EXCLUDE (tid, on_date) FROM area_changes LIMIT 0;
CREATE TABLE IF NOT EXISTS new_area_totals AS SELECT * FROM area_totals LIMIT 0;

CREATE TABLE IF NOT EXISTS key_projects (
    key_project_id VARCHAR PRIMARY KEY,
    name           VARCHAR NOT NULL,
    district       VARCHAR NOT NULL,
    starts_on      DATE NOT NULL,
    ends_on        DATE NOT NULL,
    recorded_pos   BIGINT NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL,
    -- the earliest start of a merit competition held on it: whether it has one on a date is then a
    -- comparison, not a search of the competitions (the report's merit coverage took twice as long)
    merit_since    DATE
);

CREATE TABLE IF NOT EXISTS competitions (
    competition_id     VARCHAR PRIMARY KEY,
    organiser_union_id VARCHAR NOT NULL,
    kind               VARCHAR NOT NULL,
    title              VARCHAR NOT NULL,
    starts_on          DATE NOT NULL,
    ends_on            DATE NOT NULL,
    key_project_id     VARCHAR,
    closed_on          DATE,
    recorded_pos       BIGINT NOT NULL,
    recorded_at        TIMESTAMPTZ NOT NULL,
    closed_pos         BIGINT,
    -- CompetitionKind.skillContest(), kept so that questions about skill contests compare a flag
    -- instead of strings (half the time over the participations)
    skill_contest      BOOLEAN NOT NULL
);

-- With the competition's kind, start and skill-contest flag copied in: questions about contests of
-- a period count half a million participations without joining them to the competitions.
CREATE TABLE IF NOT EXISTS participations (
    competition_id    VARCHAR NOT NULL,
    participant_kind  VARCHAR NOT NULL,
    participant_id    VARCHAR NOT NULL,
    enrolled_on       DATE NOT NULL,
    recorded_pos      BIGINT NOT NULL,
    recorded_at       TIMESTAMPTZ NOT NULL,
    competition_kind  VARCHAR,
    competition_start DATE,
    competition_skill_contest BOOLEAN
);

CREATE TABLE IF NOT EXISTS awards (
    competition_id VARCHAR NOT NULL,
    participant_id VARCHAR NOT NULL,
    title          VARCHAR NOT NULL,
    granted_on     DATE NOT NULL,
    recorded_pos   BIGINT NOT NULL,
    recorded_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS proposals (
    proposal_id      VARCHAR PRIMARY KEY,
    member_id        VARCHAR NOT NULL,
    union_id         VARCHAR NOT NULL,
    enterprise_id    VARCHAR,
    category         VARCHAR NOT NULL,
    title            VARCHAR NOT NULL,
    submitted_on     DATE NOT NULL,
    adopted_on       DATE,
    rejected_on      DATE,
    rejection_reason VARCHAR,
    implemented_on   DATE,
    economic_benefit DECIMAL(18, 2),
    recognised_on    DATE,
    -- an operation method's first promotion (a proposal's steps are dated in order, so the earliest)
    promoted_on      DATE,
    recorded_pos     BIGINT NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    adopted_pos      BIGINT,
    rejected_pos     BIGINT,
    implemented_pos  BIGINT,
    recognised_pos   BIGINT,
    promoted_pos     BIGINT,
    -- copied in from the union it went through and the enterprise it concerns (neither changes):
    -- proposals by district or industry are counted without a join
    district         VARCHAR,
    township         VARCHAR,
    industry         VARCHAR,
    ownership        VARCHAR
);

CREATE TABLE IF NOT EXISTS promotions (
    proposal_id   VARCHAR NOT NULL,
    enterprise_id VARCHAR NOT NULL,
    promoted_on   DATE NOT NULL,
    recorded_pos  BIGINT NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL
);

-- The report's economy flows counted per day, kept by the projector (EconomyDays) so that the report
-- reads one table of a few thousand rows instead of scanning competitions, half a million
-- participations and the proposals five times: skill contests on their start, participations in
-- them on the contest's start, rationalization proposals on their submission, innovation
-- achievements on their recognition, operation methods on their first promotion. `known_on` is the
-- first date a question taken on a date counts them (a participation enrolled after its contest
-- started counts from its enrolment). Each batch appends its own rows, summed into one per day and
-- `known_on` now and then (no key to update through: an upsert cost 5 ms a row). Present knowledge
-- only, like area_changes: asked as known at a position, the economy cube counts the facts themselves.
CREATE TABLE IF NOT EXISTS economy_days (
    on_date                      DATE NOT NULL,
    known_on                     DATE NOT NULL,
    skill_contests               BIGINT NOT NULL,
    skill_contest_participations BIGINT NOT NULL,
    rationalization_proposals    BIGINT NOT NULL,
    innovation_achievements      BIGINT NOT NULL,
    methods_promoted             BIGINT NOT NULL
);

-- Point lookups of spells by their subject (ART indexes: 0.5 ms instead of a 47 ms scan).
CREATE INDEX IF NOT EXISTS memberships_member ON memberships (member_id);
CREATE INDEX IF NOT EXISTS coverages_enterprise ON coverages (enterprise_id);
