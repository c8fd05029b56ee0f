-- Terminal master keys: TR-31 key blocks under the LMK, never clear keys.
CREATE TABLE terminal_master_key (
    terminal_id  VARCHAR(8) PRIMARY KEY REFERENCES terminal (terminal_id),
    version      INT  NOT NULL CHECK (version >= 1),
    key_scheme   TEXT NOT NULL,
    key_block    TEXT NOT NULL,
    lmk_id       TEXT NOT NULL,
    check_value  TEXT NOT NULL,
    method       TEXT NOT NULL,
    installed_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Components of a generated TMK awaiting their custodians: each sealed under the LMK until released
-- once (then the sealed block is erased and the release recorded).
CREATE TABLE master_key_component (
    terminal_id  VARCHAR(8) NOT NULL REFERENCES terminal (terminal_id),
    tmk_version  INT  NOT NULL,
    number       INT  NOT NULL CHECK (number BETWEEN 1 AND 3),
    of_count     INT  NOT NULL CHECK (of_count BETWEEN 2 AND 3),
    custodian    TEXT NOT NULL,
    check_value  TEXT NOT NULL,
    sealed_block TEXT,
    lmk_id       TEXT,
    released_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (terminal_id, number),
    UNIQUE (terminal_id, custodian),
    CHECK ((sealed_block IS NULL) = (released_at IS NOT NULL))
);

-- Transport keys (ZMK-like KEKs shared with a key-injection facility or a key-loading device).
CREATE TABLE transport_key (
    id          TEXT PRIMARY KEY,
    purpose     TEXT NOT NULL,
    key_scheme  TEXT NOT NULL,
    key_block   TEXT NOT NULL,
    lmk_id      TEXT NOT NULL,
    check_value TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
