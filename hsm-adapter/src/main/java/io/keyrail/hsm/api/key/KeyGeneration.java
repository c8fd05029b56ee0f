package io.keyrail.hsm.api.key;

/** Generates keys inside the HSM; the caller receives the key block under the LMK and its check value. */
public interface KeyGeneration {

    /** A fresh random key of {@code type} and {@code scheme} (DES and TDES keys with odd parity). */
    GeneratedKey generate(KeyType type, KeyScheme scheme);
}
