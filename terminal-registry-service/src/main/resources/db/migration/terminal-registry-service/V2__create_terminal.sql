-- Terminals: identity, merchant, profile, key scheme and lifecycle status. No key material here.
CREATE TABLE terminal (
    terminal_id      VARCHAR(8)  PRIMARY KEY,
    merchant_id      VARCHAR(15) NOT NULL,
    acquirer_profile TEXT        NOT NULL REFERENCES acquirer_profile (id),
    key_scheme       TEXT        NOT NULL,
    model            VARCHAR(200),
    location         VARCHAR(200),
    status           TEXT        NOT NULL,
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX terminal_by_merchant ON terminal (merchant_id, terminal_id);
CREATE INDEX terminal_by_status ON terminal (status, terminal_id);
