package io.keyrail.rotation.keys;

import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.hsm.api.key.KeyBlock;
import java.util.Objects;

/**
 * A freshly issued working key to be stored as the next version of its type: its key block under
 * the LMK (never a clear key), its check value and algorithm. {@link #toString()} shows the key
 * block's header only.
 */
public record NewKeyVersion(WorkingKeyType keyType, KeyBlock keyBlock, String checkValue, String algorithm) {

    public NewKeyVersion {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(keyBlock, "keyBlock");
        Objects.requireNonNull(checkValue, "checkValue");
        Objects.requireNonNull(algorithm, "algorithm");
    }
}
