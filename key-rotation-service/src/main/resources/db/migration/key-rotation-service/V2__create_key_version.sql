-- Every working key version issued to a terminal. The key block (under the LMK) is nulled when the
-- version is destroyed; the check value stays as its identity.
CREATE TABLE key_version (
    terminal_id    VARCHAR(8) NOT NULL REFERENCES terminal (terminal_id),
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
