package io.keyrail.hsm.api.key;

/** TR-31 / ANSI X9.143 mode of use (header byte 8): what operations a key may perform. */
public enum ModeOfUse {
    /** Both encrypt/wrap and decrypt/unwrap. */
    B,
    /** Both generate and verify (MAC). */
    C,
    /** Decrypt or unwrap only. */
    D,
    /** Encrypt or wrap only. */
    E,
    /** Generate only (MAC). */
    G,
    /** No special restrictions. */
    N,
    /** Signature only. */
    S,
    /** Both sign and decrypt. */
    T,
    /** Verify only (MAC). */
    V,
    /** Key derivation. */
    X,
    /** Create key variants. */
    Y;

    public static ModeOfUse ofCode(char code) {
        for (ModeOfUse m : values()) {
            if (m.name().charAt(0) == code) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown mode of use '" + code + "'");
    }

    public char code() {
        return name().charAt(0);
    }

    /** True when a key with this mode may encrypt or wrap. */
    public boolean mayEncrypt() {
        return this == B || this == E || this == N;
    }

    /** True when a key with this mode may decrypt or unwrap. */
    public boolean mayDecrypt() {
        return this == B || this == D || this == N || this == T;
    }

    /** True when a key with this mode may generate a MAC. */
    public boolean mayGenerateMac() {
        return this == C || this == G || this == N;
    }

    /** True when a key with this mode may verify a MAC. */
    public boolean mayVerifyMac() {
        return this == C || this == V || this == N;
    }
}
