package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGeneration;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.mac.MacVerificationResult;

/**
 * MAC generation and verification in the software HSM: the key's usage must fit the algorithm
 * (a TPK cannot MAC) and its mode of use must allow generating or verifying.
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
        return null;
    }
}
