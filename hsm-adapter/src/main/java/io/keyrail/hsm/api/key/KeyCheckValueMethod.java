package io.keyrail.hsm.api.key;

/** How a key check value is computed. */
public enum KeyCheckValueMethod {
    /** Encrypt one block of zero bytes and keep the leftmost bytes (TDES; legacy AES). */
    ZEROS,
    /** AES-CMAC (or TDES-CMAC) of one block of zero bytes (ANSI X9.24-1:2017, X9.143). */
    CMAC
}
