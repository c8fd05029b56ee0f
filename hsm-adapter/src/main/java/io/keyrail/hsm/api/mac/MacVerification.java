package io.keyrail.hsm.api.mac;

import io.keyrail.hsm.api.key.KeyBlock;

/** Verifies MACs with a MAC key the HSM holds; a MAC may be truncated to its leftmost 4 or more bytes. */
public interface MacVerification {

    MacVerificationResult verify(KeyBlock key, MacAlgorithm algorithm, MacPadding padding, byte[] data, byte[] mac);
}
