package io.keyrail.hsm.api.key;

/** Imports keys sent under a key-encryption key (a transport key, ZMK or key-loading device KEK). */
public interface KeyImport {

    /** Imports a TR-31 / X9.143 key block (versions A, B, C or D) wrapped under {@code kek}. */
    KeyImportResult importKeyBlock(KeyType type, KeyBlock kek, String keyBlock);

    /**
     * Imports a legacy TDES-ECB cryptogram of a key under {@code kek}, verified against the check
     * value sent with it (3 to 8 bytes, compared on its length).
     */
    KeyImportResult importCryptogram(KeyType type, KeyScheme scheme, KeyBlock kek, String cryptogramHex,
                                     KeyCheckValue checkValue);
}
