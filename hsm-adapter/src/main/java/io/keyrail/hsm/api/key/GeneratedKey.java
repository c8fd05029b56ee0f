package io.keyrail.hsm.api.key;

import java.util.Objects;

/**
 * A key the HSM holds for a service: its type, its key block under the LMK and its check value.
 * Carries no clear key material.
 */
public record GeneratedKey(KeyType type, KeyBlock keyBlock, KeyCheckValue checkValue) {

    public GeneratedKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(keyBlock, "keyBlock");
        Objects.requireNonNull(checkValue, "checkValue");
    }
}
