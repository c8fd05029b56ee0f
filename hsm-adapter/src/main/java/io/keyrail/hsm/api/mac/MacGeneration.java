package io.keyrail.hsm.api.mac;

import io.keyrail.hsm.api.key.KeyBlock;

/** Generates MACs with a MAC key the HSM holds. */
public interface MacGeneration {

    MacGenerationResult generate(KeyBlock key, MacAlgorithm algorithm, MacPadding padding, byte[] data);
}
