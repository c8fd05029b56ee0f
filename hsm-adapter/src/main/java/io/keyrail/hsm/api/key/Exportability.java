package io.keyrail.hsm.api.key;

/** TR-31 / ANSI X9.143 exportability (header byte 11). */
public enum Exportability {
    /** Exportable under a trusted key-encryption key. */
    E,
    /** Not exportable. */
    N,
    /** Sensitive: exportable only in a non-trusted form. */
    S;

    public static Exportability ofCode(char code) {
        for (Exportability e : values()) {
            if (e.name().charAt(0) == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown exportability '" + code + "'");
    }

    public char code() {
        return name().charAt(0);
    }
}
