-- Sign-in found the versions to supersede and the next version number with max(version) over the
-- terminal's key type: a backward primary-key scan that reads every version of the type on the
-- index page, and a terminal collects hundreds over the years (one a day). The latest version of
-- each type is now kept on the terminal row that sign-in already locks, so it supersedes and inserts
-- by exact primary key. Sign-in writes these columns in the statement that inserts the versions.
ALTER TABLE terminal
    ADD COLUMN tpk_version INT CHECK (tpk_version >= 1),
    ADD COLUMN tak_version INT CHECK (tak_version >= 1),
    ADD COLUMN tdk_version INT CHECK (tdk_version >= 1);

UPDATE terminal t SET
    tpk_version = (SELECT max(version) FROM key_version k WHERE k.terminal_id = t.terminal_id AND k.key_type = 'TPK'),
    tak_version = (SELECT max(version) FROM key_version k WHERE k.terminal_id = t.terminal_id AND k.key_type = 'TAK'),
    tdk_version = (SELECT max(version) FROM key_version k WHERE k.terminal_id = t.terminal_id AND k.key_type = 'TDK');

-- Every sign-in now updates its terminal row: free space keeps the new row version on its page (HOT).
ALTER TABLE terminal SET (fillfactor = 80);
