-- The event log. global_index is an identity column of its own: nothing else draws from it, so
-- its gaps come only from transactions that are still open or were rolled back.
CREATE TABLE IF NOT EXISTS domain_event_entry (
    global_index         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    UNIQUE (aggregate_identifier, sequence_number)
);

CREATE INDEX IF NOT EXISTS domain_event_entry_time_stamp ON domain_event_entry (time_stamp);

CREATE TABLE IF NOT EXISTS snapshot_event_entry (
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              BYTEA        NOT NULL,
    meta_data            BYTEA,
    PRIMARY KEY (aggregate_identifier, sequence_number)
);

-- Which events each client command id produced, written in the transaction of the events.
CREATE TABLE IF NOT EXISTS command_log (
    command_id  VARCHAR(255) PRIMARY KEY,
    first_event VARCHAR(255) NOT NULL,
    last_event  VARCHAR(255) NOT NULL,
    event_count INT          NOT NULL
);
