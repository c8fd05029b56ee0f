-- The outbox deletes a publication once Kafka has acknowledged it (completion-mode: delete), so every
-- row in event_publication is incomplete and completion_date is always null: the index on it never
-- narrows a query (the backlog count and the resubmission scan read the few in-flight rows anyway),
-- yet every publication (a bulk registration writes one per terminal) paid an index insert and its WAL record.
DROP INDEX IF EXISTS event_publication_by_completion_date_idx;
