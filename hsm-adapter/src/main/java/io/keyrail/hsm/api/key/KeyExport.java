package io.keyrail.hsm.api.key;

/** Exports keys under a key-encryption key, within their exportability. */
public interface KeyExport {

    /** Exports {@code key} as a TR-31 key block of {@code version} (B or D) under {@code kek}. */
    KeyExportResult exportKeyBlock(KeyBlock key, KeyBlock kek, KeyBlockVersion version);

    /**
     * Exports {@code key} as a legacy TDES-ECB cryptogram under {@code kek} with a 4-byte check
     * value: the form CUP sign-in sends in field 62.
     */
    KeyExportResult exportCryptogram(KeyBlock key, KeyBlock kek);
}
