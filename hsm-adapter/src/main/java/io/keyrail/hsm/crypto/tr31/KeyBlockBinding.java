package io.keyrail.hsm.crypto.tr31;

/**
 * How a key block protection key binds the header to the encrypted key data (ASC X9 TR-31:2018,
 * ANSI X9.143:2021): the key variant binding method (versions A and C) or the key derivation
 * binding method (versions B and D). Implementations hold only keys prepared once and are thread-safe.
 */
sealed interface KeyBlockBinding permits KeyVariantBinding, KeyDerivationBinding {

    /** The block size of the KBPK's cipher: 8 (TDES) or 16 (AES). */
    int blockSize();

    /** Bytes of MAC in the key block: 4 (A, C), 8 (B) or 16 (D). */
    int macLength();

    /**
     * Encrypts {@code keyData} (a block multiple) into {@code encrypted} and writes the MAC into
     * the first {@link #macLength()} bytes of {@code mac} (one cipher block long). The header is
     * {@code header[0, headerLength)}, ASCII, a block multiple.
     */
    void protect(byte[] header, int headerLength, byte[] keyData, byte[] encrypted, byte[] mac);

    /**
     * Verifies {@code mac} ({@link #macLength()} bytes) and decrypts {@code encrypted} into
     * {@code keyData}; false when the MAC does not verify, and {@code keyData} is then zeros.
     */
    boolean recover(byte[] header, byte[] encrypted, byte[] mac, byte[] keyData);

    /** Names the cipher and key length, never the key. */
    String describe();
}
