package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.KeyAlgorithm;

/**
 * Effective strength of a key in bits (NIST SP 800-57 part 1, table 2), so that a key is never
 * wrapped under a weaker key-encryption key (PCI PIN requirement 18-3 / X9.24-1).
 */
final class KeyStrength {

    private KeyStrength() {
    }

    static int bits(KeyAlgorithm algorithm, int length) {
        return switch (algorithm) {
            case DES -> 56;
            case TDES -> length == 8 ? 56 : length == 16 ? 80 : 112;
            case AES -> length * 8;
        };
    }

    /** Null when {@code kek} may wrap {@code key}; otherwise the reason it may not. */
    static String refusal(OpenedKey kek, KeyAlgorithm keyAlgorithm, int keyLength) {
        int kekBits = bits(kek.algorithm(), kek.length());
        int keyBits = bits(keyAlgorithm, keyLength);
        return kekBits < keyBits
                ? article(kekBits) + kekBits + "-bit KEK cannot protect " + article(keyBits) + keyBits + "-bit key"
                : null;
    }

    /** "an " before a number read with a vowel sound (80, 8), "a " otherwise (56, 112, 128). */
    private static String article(int bits) {
        return Integer.toString(bits).charAt(0) == '8' ? "an " : "a ";
    }
}
