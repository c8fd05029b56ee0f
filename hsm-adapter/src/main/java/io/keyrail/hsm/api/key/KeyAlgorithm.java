package io.keyrail.hsm.api.key;

/**
 * The block cipher a key belongs to, with the TR-31 / ANSI X9.143 header code (byte 7) and the
 * key lengths it allows.
 */
public enum KeyAlgorithm {
    /** Single DES (legacy; 8-byte keys). */
    DES('D', 8, 8),
    /** Triple DES (TDEA), double or triple length. */
    TDES('T', 8, 16, 24),
    /** AES-128, AES-192 or AES-256. */
    AES('A', 16, 16, 24, 32);

    private final char code;
    private final int blockSize;
    private final int[] keyLengths;

    KeyAlgorithm(char code, int blockSize, int... keyLengths) {
        this.code = code;
        this.blockSize = blockSize;
        this.keyLengths = keyLengths;
    }

    /** The TR-31 header code: {@code D}, {@code T} or {@code A}. */
    public char code() {
        return code;
    }

    /** The cipher's block size in bytes (8 for DES and TDES, 16 for AES). */
    public int blockSize() {
        return blockSize;
    }

    /** True when {@code length} bytes is a key length this algorithm takes. */
    public boolean allowsKeyLength(int length) {
        for (int l : keyLengths) {
            if (l == length) {
                return true;
            }
        }
        return false;
    }

    /** The algorithm for a TR-31 header code, or an exception naming the unknown code. */
    public static KeyAlgorithm ofCode(char code) {
        for (KeyAlgorithm a : values()) {
            if (a.code == code) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown key algorithm code '" + code + "'");
    }
}
