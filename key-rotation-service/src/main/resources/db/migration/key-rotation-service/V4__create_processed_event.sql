-- Consumed event ids, written in the transaction of their effect: a redelivered event is skipped.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    consumer     TEXT NOT NULL,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
