-- Idempotent consumption: one row per consumed event id, written in the effect's transaction.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    consumer     TEXT NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
