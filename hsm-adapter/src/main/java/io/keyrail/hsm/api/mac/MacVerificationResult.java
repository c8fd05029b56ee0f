package io.keyrail.hsm.api.mac;

/** The outcome of verifying a MAC. */
public sealed interface MacVerificationResult {

    /** The MAC is right. */
    record Verified() implements MacVerificationResult {
    }

    /** The MAC is wrong (CUP response A0). */
    record Mismatch() implements MacVerificationResult {
    }

    /** The key's usage or mode of use forbids verifying this MAC. */
    record KeyUsageRefused(String reason) implements MacVerificationResult {
    }
}
