package io.keyrail.hsm.api.key;

/** The outcome of importing a key sent under a key-encryption key. */
public sealed interface KeyImportResult {

    /** Imported and now held under the LMK. */
    record Imported(GeneratedKey key) implements KeyImportResult {
    }

    /** The key block's MAC does not verify under the KEK: altered, or under another KEK. */
    record IntegrityFailure() implements KeyImportResult {
    }

    /** The cryptogram decrypts to a key whose check value is not the one sent with it. */
    record CheckValueMismatch() implements KeyImportResult {
    }

    /** The key block's usage or algorithm does not fit the key type asked for. */
    record UsageMismatch(KeyType expected, String actualUsage) implements KeyImportResult {
    }

    /** The KEK may not unwrap keys (its usage or mode of use forbids it). */
    record KekRefused(String reason) implements KeyImportResult {
    }

    /** The key block or cryptogram is not well formed; {@code reason} names the structural fault. */
    record Malformed(String reason) implements KeyImportResult {
    }
}
