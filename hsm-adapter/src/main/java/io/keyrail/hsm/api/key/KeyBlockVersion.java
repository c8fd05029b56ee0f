package io.keyrail.hsm.api.key;

/** TR-31 / ANSI X9.143 key block version ID (header byte 1). */
public enum KeyBlockVersion {
    /** TDES, key variant binding, 4-byte MAC (deprecated; accepted on import). */
    A,
    /** TDES, key derivation binding (TDES-CMAC), 8-byte MAC. */
    B,
    /** TDES, key variant binding, 4-byte MAC. */
    C,
    /** AES, key derivation binding (AES-CMAC), 16-byte MAC. */
    D;

    public static KeyBlockVersion ofCode(char code) {
        for (KeyBlockVersion v : values()) {
            if (v.name().charAt(0) == code) {
                return v;
            }
        }
        throw new IllegalArgumentException("unsupported key block version '" + code + "'");
    }

    public char code() {
        return name().charAt(0);
    }
}
