package io.keyrail.hsm.api.mac;

/** The outcome of generating a MAC. */
public sealed interface MacGenerationResult {

    /** The full-length MAC (for {@link MacAlgorithm#CUP_ECB}, the 8 ASCII characters of field 64). */
    record Generated(byte[] mac) implements MacGenerationResult {
        public Generated {
            mac = mac.clone();
        }
    }

    /** The key's usage or mode of use forbids generating this MAC. */
    record KeyUsageRefused(String reason) implements MacGenerationResult {
    }
}
