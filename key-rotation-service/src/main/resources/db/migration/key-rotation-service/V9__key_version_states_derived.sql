-- Sign-in no longer rewrites the versions it supersedes. It used to update, per key type, the
-- ACTIVE version to ACCEPTED and the ACCEPTED one to RETIRED: two row versions written (with their
-- key blocks) for every key issued, most of the statement's time and of the WAL under load. Those
-- states follow from the versions themselves (versions of a type are consecutive): the highest is
-- ACTIVE, the one below it ACCEPTED, the rest RETIRED, unless destroyed. So the rows are now written
-- once, at issue, into key_version_record, and key_version is a view that derives the state and
-- the end of the overlap window; readers (the key versions API, operators' queries) see what they
-- saw before.
ALTER TABLE key_version RENAME TO key_version_record;
ALTER INDEX key_version_pkey RENAME TO key_version_record_pkey;

-- The end of the overlap window this version's issue gave the version below it (null when there
-- was none, or it was destroyed). A version's window closes then, or when the version two above it
-- is issued, whichever is first: what sign-in used to write on the row itself.
ALTER TABLE key_version_record ADD COLUMN predecessor_accepted_until TIMESTAMP WITH TIME ZONE;

-- Versions issued before this migration carry their window on their own row: move it to the row
-- that superseded them. (A RETIRED version's stored window is already cut at the issue of the
-- version two above it, so the derivation below gives it back unchanged.)
UPDATE key_version_record n SET predecessor_accepted_until = p.accepted_until
FROM key_version_record p
WHERE p.terminal_id = n.terminal_id AND p.key_type = n.key_type AND p.version = n.version - 1
  AND p.state IN ('ACCEPTED', 'RETIRED') AND p.accepted_until IS NOT NULL;

-- From now on state holds only what cannot be derived: DESTROYED (or REVOKED); ACTIVE otherwise.
UPDATE key_version_record SET state = 'ACTIVE', accepted_until = NULL WHERE state IN ('ACCEPTED', 'RETIRED');
ALTER TABLE key_version_record DROP COLUMN accepted_until;
COMMENT ON COLUMN key_version_record.state IS
    'DESTROYED or REVOKED when so; ACTIVE otherwise. The lifecycle state is the view key_version''s.';

-- Rows are no longer updated on sign-in: no free space needs to be kept for HOT updates.
ALTER TABLE key_version_record SET (fillfactor = 100);

CREATE VIEW key_version AS
SELECT terminal_id, key_type, version, key_block, lmk_id, check_value, algorithm,
       CASE WHEN state IN ('DESTROYED', 'REVOKED') THEN state
            WHEN lead(version) OVER w IS NULL THEN 'ACTIVE'
            WHEN lead(version, 2) OVER w IS NULL THEN 'ACCEPTED'
            ELSE 'RETIRED' END AS state,
       issued_at,
       CASE WHEN state IN ('DESTROYED', 'REVOKED') THEN NULL
            ELSE LEAST(lead(predecessor_accepted_until) OVER w, lead(issued_at, 2) OVER w) END AS accepted_until,
       cause
FROM key_version_record
WINDOW w AS (PARTITION BY terminal_id, key_type ORDER BY version);
