-- The projection of terminals and their master keys, built only from the terminal registry's events
-- (keyrail.terminals.v1 and TMK records of keyrail.key-material.v1). Columns stay null until the
-- event that carries them arrives: the two topics are not ordered with respect to each other.
CREATE TABLE terminal (
    terminal_id     VARCHAR(8) PRIMARY KEY,
    merchant_id     VARCHAR(15),
    status          TEXT CHECK (status IN ('REGISTERED', 'AWAITING_SIGN_IN', 'ACTIVE', 'SUSPENDED', 'DECOMMISSIONED')),
    key_scheme      TEXT,
    tmk_key_block   TEXT,
    tmk_lmk_id      TEXT,
    tmk_version     INT,
    tmk_check_value TEXT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
