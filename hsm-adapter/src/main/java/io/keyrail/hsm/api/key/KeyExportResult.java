package io.keyrail.hsm.api.key;

/** The outcome of exporting a key under a key-encryption key. */
public sealed interface KeyExportResult {

    /**
     * The key under the KEK ({@code value}: a TR-31 key block, or the hex of a TDES-ECB cryptogram)
     * and its check value.
     */
    record Exported(String value, KeyCheckValue checkValue) implements KeyExportResult {
    }

    /** The key's exportability forbids this export. */
    record NotExportable() implements KeyExportResult {
    }

    /** The KEK may not wrap this key (its usage, mode of use or strength forbids it). */
    record KekRefused(String reason) implements KeyExportResult {
    }
}
