package io.keyrail.hsm.api.key;

/** A key's algorithm and length, as a terminal profile or a zone names it. */
public enum KeyScheme {
    DES_SINGLE(KeyAlgorithm.DES, 8),
    TDES_2KEY(KeyAlgorithm.TDES, 16),
    TDES_3KEY(KeyAlgorithm.TDES, 24),
    AES_128(KeyAlgorithm.AES, 16),
    AES_192(KeyAlgorithm.AES, 24),
    AES_256(KeyAlgorithm.AES, 32);

    private final KeyAlgorithm algorithm;
    private final int length;

    KeyScheme(KeyAlgorithm algorithm, int length) {
        this.algorithm = algorithm;
        this.length = length;
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** Key length in bytes. */
    public int length() {
        return length;
    }

    /** The scheme of a key of {@code algorithm} and {@code length} bytes. */
    public static KeyScheme of(KeyAlgorithm algorithm, int length) {
        for (KeyScheme s : values()) {
            if (s.algorithm == algorithm && s.length == length) {
                return s;
            }
        }
        throw new IllegalArgumentException(algorithm + " has no " + length + "-byte keys");
    }
}
