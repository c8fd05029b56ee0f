package io.keyrail.hsm.api.key;

/**
 * Generates a working key and exports it under a master key in one HSM command (as a payShield
 * "generate key" with export): what sign-in does for each of the TPK, TAK and TDK.
 */
public interface WorkingKeyIssuance {

    /**
     * A fresh key of {@code type} and {@code scheme}, held under the LMK, and the same key as a
     * TDES-ECB cryptogram under {@code masterKey} with its 4-byte check value.
     */
    IssuedKeyResult issue(KeyType type, KeyScheme scheme, KeyBlock masterKey);
}
