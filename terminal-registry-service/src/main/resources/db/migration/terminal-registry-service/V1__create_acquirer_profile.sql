-- Acquirer profiles: which key schemes a terminal of the profile may use, and the default one.
CREATE TABLE acquirer_profile (
    id              TEXT PRIMARY KEY,
    description     TEXT NOT NULL,
    allowed_schemes TEXT[] NOT NULL,
    default_scheme  TEXT NOT NULL,
    CHECK (default_scheme = ANY (allowed_schemes))
);

INSERT INTO acquirer_profile (id, description, allowed_schemes, default_scheme) VALUES
    ('cup-default', 'China UnionPay POS: double-length TDES keys, single-length DES for legacy terminals',
     ARRAY['TDES_2KEY', 'DES_SINGLE'], 'TDES_2KEY'),
    ('aes', 'AES-capable terminals: AES keys, double-length TDES for terminals not yet migrated',
     ARRAY['AES_128', 'AES_256', 'TDES_2KEY'], 'TDES_2KEY');
