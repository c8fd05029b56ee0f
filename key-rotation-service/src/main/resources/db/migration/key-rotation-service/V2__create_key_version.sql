-- Every working key version issued to a terminal. The key block (under the LMK) is nulled when the
-- version is destroyed; the check value stays as its identity. No foreign key to terminal: a
-- version is only ever inserted by a sign-in that holds the terminal's row lock, and the check
-- would cost two lookups per sign-in on the hot path.
CREATE TABLE key_version (
    terminal_id    VARCHAR(8) NOT NULL,
    key_type       TEXT NOT NULL CHECK (key_type IN ('TPK', 'TAK', 'TDK')),
    version        INT NOT NULL CHECK (version >= 1),
    key_block      TEXT,
    lmk_id         TEXT,
    check_value    TEXT NOT NULL,
    algorithm      TEXT NOT NULL,
    state          TEXT NOT NULL CHECK (state IN ('ACTIVE', 'ACCEPTED', 'RETIRED', 'REVOKED', 'DESTROYED')),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    accepted_until TIMESTAMP WITH TIME ZONE,
    cause          TEXT NOT NULL,
    PRIMARY KEY (terminal_id, key_type, version),
    CHECK (state = 'DESTROYED' OR key_block IS NOT NULL)
);

-- Sign-in supersedes the live versions (ACTIVE, ACCEPTED) of a terminal's key types: at most two
-- per type, found through this index whatever the number of versions issued over the years.
CREATE INDEX key_version_live ON key_version (terminal_id, key_type) WHERE state IN ('ACTIVE', 'ACCEPTED');
