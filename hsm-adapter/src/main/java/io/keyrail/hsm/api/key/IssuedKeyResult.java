package io.keyrail.hsm.api.key;

import java.util.Objects;

/** The outcome of issuing a working key under a master key. */
public sealed interface IssuedKeyResult {

    /**
     * The key under the LMK ({@code key}), and under the master key ({@code cryptogramHex}, upper-case
     * hex) with the 4-byte check value sent beside it.
     */
    record Issued(GeneratedKey key, String cryptogramHex, KeyCheckValue checkValue) implements IssuedKeyResult {
        public Issued {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(cryptogramHex, "cryptogramHex");
            Objects.requireNonNull(checkValue, "checkValue");
        }
    }

    /** The master key may not wrap this key (its usage, mode of use or strength forbids it). */
    record KekRefused(String reason) implements IssuedKeyResult {
    }
}
