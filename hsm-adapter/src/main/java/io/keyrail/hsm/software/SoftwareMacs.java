package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGeneration;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.mac.MacVerificationResult;

/**
 * MAC generation and verification in the software HSM: the key's usage must fit the algorithm
 * (a TPK cannot MAC), so must its cipher and length (an AES key never runs a DES-based MAC), and
 * its mode of use must allow generating or verifying.
 */
final class SoftwareMacs implements MacGeneration, MacVerification {

    private final KeyVault vault;

    SoftwareMacs(KeyVault vault) {
        this.vault = vault;
    }

    @Override
    public MacGenerationResult generate(KeyBlock key, MacAlgorithm algorithm, MacPadding padding, byte[] data) {
        OpenedKey mac = vault.open(key);
        String refusal = refusal(mac, algorithm);
        if (refusal == null && !mac.mode().mayGenerateMac()) {
            refusal = "the key's mode of use " + mac.mode() + " forbids generating MACs";
        }
        if (refusal != null) {
            return new MacGenerationResult.KeyUsageRefused(refusal);
        }
        return new MacGenerationResult.Generated(calculator(mac, algorithm).compute(data, padding));
    }

    @Override
    public MacVerificationResult verify(KeyBlock key, MacAlgorithm algorithm, MacPadding padding, byte[] data, byte[] mac) {
        OpenedKey opened = vault.open(key);
        String refusal = refusal(opened, algorithm);
        if (refusal == null && !opened.mode().mayVerifyMac()) {
            refusal = "the key's mode of use " + opened.mode() + " forbids verifying MACs";
        }
        if (refusal != null) {
            return new MacVerificationResult.KeyUsageRefused(refusal);
        }
        return calculator(opened, algorithm).verify(data, padding, mac)
                ? new MacVerificationResult.Verified()
                : new MacVerificationResult.Mismatch();
    }

    private static io.keyrail.hsm.crypto.mac.MacCalculator calculator(OpenedKey key, MacAlgorithm algorithm) {
        return key.mac(algorithm);
    }

    private static String refusal(OpenedKey key, MacAlgorithm algorithm) {
        if (!algorithm.acceptsUsage(key.usage())) {
            return "a key of usage " + key.usage() + " cannot compute " + algorithm;
        }
        if (!fits(algorithm, key.algorithm(), key.length())) {
            return algorithm + " cannot use a " + key.length() + "-byte " + key.algorithm() + " key";
        }
        return null;
    }

    /**
     * True when a key of {@code algorithm} and {@code length} bytes is one {@code mac} is defined
     * for: the DES-based MACs never run on an AES key's bytes, nor CMAC-AES on a TDES key's, and
     * the retail MAC takes K||K' only (ISO/IEC 9797-1:2011 7.3, 7.5; NIST SP 800-38B 5.2).
     */
    private static boolean fits(MacAlgorithm mac, KeyAlgorithm algorithm, int length) {
        return switch (mac) {
            case ISO9797_1_ALG1 -> algorithm != KeyAlgorithm.AES;
            case ISO9797_1_ALG3, ANSI_X9_19 -> algorithm == KeyAlgorithm.TDES && length == 16;
            case ANSI_X9_9 -> algorithm == KeyAlgorithm.DES;
            case AES_CMAC -> algorithm == KeyAlgorithm.AES;
            case TDES_CMAC -> algorithm == KeyAlgorithm.TDES;
            case CUP_ECB -> algorithm == KeyAlgorithm.DES || (algorithm == KeyAlgorithm.TDES && length == 16);
        };
    }
}
