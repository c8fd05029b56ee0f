-- A sign-in batch's outbox row holds the JSON of all its events (about 1.6 kB per sign-in), so most
-- rows pass the 2 kB TOAST threshold and PostgreSQL compresses them on insert. Its default, pglz,
-- was 3 % of a core at 2,000 sign-ins/s (perf, run 76 in docs/performance.md); lz4 does the same
-- work several times faster. Servers built without lz4 keep pglz: the outbox works either way.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE event_publication ALTER COLUMN serialized_event SET COMPRESSION lz4';
EXCEPTION
    WHEN feature_not_supported OR invalid_parameter_value THEN
        RAISE NOTICE 'this PostgreSQL has no lz4: the outbox keeps its default compression (%)', SQLERRM;
END
$$;
