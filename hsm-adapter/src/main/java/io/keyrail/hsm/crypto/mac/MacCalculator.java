package io.keyrail.hsm.crypto.mac;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.util.Arrays;
import java.util.Objects;

/**
 * A clear MAC key prepared once for one {@link MacAlgorithm}: computes and verifies MACs.
 *
 * <p>Guarantees: the key length is one the algorithm allows (checked in {@link #of}); key
 * schedules and CMAC subkeys are prepared once; the object is immutable and safe to share between
 * threads; {@link #verify} compares in constant time and reports a wrong or wrongly sized MAC as
 * {@code false}, never by exception. Never exposes the key: {@link #toString()} names the algorithm
 * only and messages name lengths, never values.
 *
 * <p>Algorithms: ISO/IEC 9797-1:2011 MAC algorithm 1 (DES or TDES by key length) and MAC
 * algorithm 3 with padding methods 1, 2 and 3; ANSI X9.9 (single-DES
 * algorithm 1) and ANSI X9.19 (algorithm 3); AES-CMAC and TDES-CMAC (NIST SP 800-38B, sections 6.1 and 6.2); the China
 * UnionPay POS "ECB" MAC, whose MAC is the 8 ASCII hexadecimal characters sent in field 64.
 */
public final class MacCalculator {

    /** The shortest MAC {@link #verify} accepts, in bytes (ISO/IEC 9797-1 allows truncation to 32 bits). */
    public static final int MIN_VERIFY_LENGTH = 4;

    private final MacAlgorithm algorithm;
    private final MacFunction function;

    private MacCalculator(MacAlgorithm algorithm, MacFunction function) {
        this.algorithm = algorithm;
        this.function = function;
    }

    /**
     * Prepares {@code key} for {@code algorithm}. Key lengths: algorithm 1 takes 8 (DES), 16 or 24
     * (TDES) bytes; algorithm 3 and X9.19 take K||K' (16 bytes); X9.9 takes 8; AES-CMAC 16, 24 or 32;
     * TDES-CMAC 16 or 24; the CUP MAC 8 (DES) or 16 (TDES). The caller may wipe {@code key} afterwards.
     *
     * @throws IllegalArgumentException naming the algorithm and the rejected length
     */
    public static MacCalculator of(MacAlgorithm algorithm, byte[] key) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        KeyRule.of(algorithm).require(key.length);
        MacFunction function = switch (algorithm) {
            case ISO9797_1_ALG1, ANSI_X9_9 -> new Iso9797CbcMac(BlockCipherKey.des(key));
            case ISO9797_1_ALG3, ANSI_X9_19 -> retailMac(key);
            case AES_CMAC -> Cmac.of(BlockCipherKey.aes(key));
            case TDES_CMAC -> Cmac.of(BlockCipherKey.of(KeyAlgorithm.TDES, key));
            case CUP_ECB -> new CupPosEcbMac(BlockCipherKey.des(key));
        };
        return new MacCalculator(algorithm, function);
    }

    private static Iso9797RetailMac retailMac(byte[] key) {
        byte[] k = Arrays.copyOfRange(key, 0, 8);
        byte[] kPrime = Arrays.copyOfRange(key, 8, 16);
        try {
            return new Iso9797RetailMac(BlockCipherKey.des(k), BlockCipherKey.des(kPrime));
        } finally {
            BlockCipherKey.wipe(k);
            BlockCipherKey.wipe(kPrime);
        }
    }

    public MacAlgorithm algorithm() {
        return algorithm;
    }

    /**
     * The full-length MAC of {@code data}: 8 bytes, 16 for AES-CMAC, and for the CUP MAC the 8 ASCII
     * hexadecimal characters of field 64. {@code padding} is required for the ISO/IEC 9797-1
     * algorithms and X9.9/X9.19, and ignored for CMAC and the CUP MAC.
     *
     * @throws IllegalArgumentException when a padding method is required and {@code padding} is null
     */
    public byte[] compute(byte[] data, MacPadding padding) {
        Objects.requireNonNull(data, "data");
        requirePadding(padding);
        byte[] mac = new byte[function.length()];
        macInto(data, padding, mac);
        return mac;
    }

    /**
     * True when {@code mac} is the leftmost 4 to full-length bytes of the MAC of {@code data}. A MAC
     * of any other length, or one that differs, gives {@code false}. The comparison takes the same
     * time wherever the bytes differ.
     *
     * @throws IllegalArgumentException when a padding method is required and {@code padding} is null
     */
    public boolean verify(byte[] data, MacPadding padding, byte[] mac) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(mac, "mac");
        requirePadding(padding);
        int full = function.length();
        if (mac.length < MIN_VERIFY_LENGTH || mac.length > full) {
            return false;
        }
        byte[] expected = new byte[full];
        macInto(data, padding, expected);
        int difference = 0;
        for (int i = 0; i < mac.length; i++) {
            difference |= expected[i] ^ mac[i];
        }
        BlockCipherKey.wipe(expected);
        return difference == 0;
    }

    private void macInto(byte[] data, MacPadding padding, byte[] out) {
        switch (function) {
            case Iso9797CbcMac cbcMac -> cbcMac.mac(data, padding, out);
            case Iso9797RetailMac retailMac -> retailMac.mac(data, padding, out);
            case Cmac cmac -> cmac.mac(data, out);
            case CupPosEcbMac cupMac -> cupMac.mac(data, out);
        }
    }

    private void requirePadding(MacPadding padding) {
        if (padding == null && algorithm.takesPadding()) {
            throw new IllegalArgumentException(KeyRule.of(algorithm).name() + " needs a padding method (1, 2 or 3)");
        }
    }

    /** Names the algorithm only. */
    @Override
    public String toString() {
        return "MacCalculator[" + algorithm + "]";
    }

    /** The key lengths one MAC algorithm accepts, and how messages name the algorithm. */
    private record KeyRule(String name, String lengths, int... allowed) {

        KeyRule {
            if (allowed.length == 0) {
                throw new IllegalArgumentException("a key rule needs at least one length");
            }
        }

        static KeyRule of(MacAlgorithm algorithm) {
            return switch (algorithm) {
                case ISO9797_1_ALG1 -> new KeyRule("ISO 9797-1 MAC algorithm 1", "8, 16 or 24 bytes", 8, 16, 24);
                case ISO9797_1_ALG3 -> new KeyRule("ISO 9797-1 MAC algorithm 3", "16 bytes (K||K')", 16);
                case ANSI_X9_9 -> new KeyRule("ANSI X9.9", "8 bytes", 8);
                case ANSI_X9_19 -> new KeyRule("ANSI X9.19", "16 bytes (K||K')", 16);
                case AES_CMAC -> new KeyRule("AES-CMAC", "16, 24 or 32 bytes", 16, 24, 32);
                case TDES_CMAC -> new KeyRule("TDES-CMAC", "16 or 24 bytes", 16, 24);
                case CUP_ECB -> new KeyRule("CUP POS ECB MAC", "8 or 16 bytes", 8, 16);
            };
        }

        void require(int length) {
            for (int a : allowed) {
                if (a == length) {
                    return;
                }
            }
            throw new IllegalArgumentException(name + " key must be " + lengths + ", not " + length);
        }
    }
}
