-- Sign-in changes the state of a terminal's two live versions of each key type (ACTIVE becomes
-- ACCEPTED, ACCEPTED becomes RETIRED). With the partial index on state, each of those updates
-- wrote a new index entry in both indexes; under load that was most of the database's work per
-- sign-in. The live versions are always the two highest of their type (versions are consecutive,
-- and only the latest two can be ACTIVE or ACCEPTED), so sign-in finds them through the primary
-- key, and with no index on state the updates stay on their page (HOT), helped by free space.
DROP INDEX key_version_live;
ALTER TABLE key_version SET (fillfactor = 80);
