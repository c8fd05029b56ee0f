package io.keyrail.hsm.api.key;

import java.util.Objects;

/**
 * One clear key component held at rest until its custodian receives it: a TR-31 / ANSI X9.143 key
 * block under the LMK whose key version field reads {@code c<n>} (TR-31:2018 A.5.5, ANSI X9.143:2021
 * table 1: "the key block contains component {@code n} of a key"). Only {@link ComponentCustody}
 * opens it, and only to release it; the HSM refuses it as a key for any operation.
 *
 * <p>Guarantees: {@code number} is 1 to 3 and matches the block's header. {@link #toString()} shows
 * the header only, never the encrypted body.
 *
 * @param number   the component's number (1-based)
 * @param keyBlock the sealed component
 */
public record SealedComponent(int number, KeyBlock keyBlock) {

    public SealedComponent {
        Objects.requireNonNull(keyBlock, "keyBlock");
        if (number < 1 || number > 3) {
            throw new IllegalArgumentException("component number must be 1 to 3, not " + number);
        }
        String keyVersion = keyBlock.value().substring(9, 11);
        if (!keyVersion.equals("c" + number)) {
            throw new IllegalArgumentException("key block does not hold component " + number
                    + " (its key version field must read c" + number + ")");
        }
    }

    @Override
    public String toString() {
        return "SealedComponent[" + number + ", " + keyBlock + "]";
    }
}
