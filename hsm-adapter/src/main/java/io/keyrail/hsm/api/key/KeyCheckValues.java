package io.keyrail.hsm.api.key;

/** Check values of keys the HSM holds. */
public interface KeyCheckValues {

    /** The check value of {@code key} by {@code method}, {@code length} bytes long. */
    KeyCheckValue checkValue(KeyBlock key, KeyCheckValueMethod method, int length);
}
