package io.keyrail.hsm.api.mac;

import io.keyrail.hsm.api.key.KeyUsage;
import java.util.EnumSet;
import java.util.Set;

/** MAC algorithms the adapter computes, each with the TR-31 key usages allowed to run it. */
public enum MacAlgorithm {
    /** ISO/IEC 9797-1 MAC algorithm 1: CBC-MAC with DES (8-byte key) or TDES (16/24-byte key). */
    ISO9797_1_ALG1(8, EnumSet.of(KeyUsage.M0, KeyUsage.M1)),
    /** ISO/IEC 9797-1 MAC algorithm 3: the retail MAC, key K||K'. */
    ISO9797_1_ALG3(8, EnumSet.of(KeyUsage.M3)),
    /** ANSI X9.9: single-DES CBC-MAC. */
    ANSI_X9_9(8, EnumSet.of(KeyUsage.M0, KeyUsage.M1)),
    /** ANSI X9.19: the retail MAC (same as ISO 9797-1 algorithm 3). */
    ANSI_X9_19(8, EnumSet.of(KeyUsage.M3)),
    /** AES-CMAC (NIST SP 800-38B, ISO 9797-1:2011 algorithm 5). */
    AES_CMAC(16, EnumSet.of(KeyUsage.M5, KeyUsage.M6)),
    /** TDES-CMAC (NIST SP 800-38B). */
    TDES_CMAC(8, EnumSet.of(KeyUsage.M5, KeyUsage.M6)),
    /** China UnionPay POS "ECB" MAC; the result is the 8 ASCII characters sent in field 64. */
    CUP_ECB(8, EnumSet.of(KeyUsage.M0, KeyUsage.M1, KeyUsage.M3));

    private final int length;
    private final Set<KeyUsage> usages;

    MacAlgorithm(int length, Set<KeyUsage> usages) {
        this.length = length;
        this.usages = usages;
    }

    /** Full MAC length in bytes (for {@link #CUP_ECB}, the 8 ASCII characters). */
    public int length() {
        return length;
    }

    /** True when a key of {@code usage} may compute this MAC. */
    public boolean acceptsUsage(KeyUsage usage) {
        return usages.contains(usage);
    }

    /** True for the algorithms that take an ISO 9797-1 padding method. */
    public boolean takesPadding() {
        return this == ISO9797_1_ALG1 || this == ISO9797_1_ALG3 || this == ANSI_X9_9 || this == ANSI_X9_19;
    }
}
