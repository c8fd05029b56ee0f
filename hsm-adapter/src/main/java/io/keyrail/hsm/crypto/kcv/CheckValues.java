package io.keyrail.hsm.crypto.kcv;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.mac.Cmac;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key check values (KCVs): short, non-secret fingerprints that let two parties confirm they hold
 * the same key.
 *
 * <p>Methods (ANSI X9.24-1:2017): {@link KeyCheckValueMethod#ZEROS} enciphers one block of
 * zero bytes (8 for DES/TDES, 16 for AES) and keeps the leftmost bytes; {@link
 * KeyCheckValueMethod#CMAC} keeps the leftmost bytes of the CMAC (NIST SP 800-38B) of one zero
 * block, AES-CMAC for AES keys and TDES-CMAC for TDES keys, the method X9.24-1:2017 and X9.143
 * require for AES.
 *
 * <p>Guarantees: the key length and the check value length are validated before any cipher work;
 * the full enciphered block is wiped, only the requested leftmost bytes are returned. Never exposes
 * the key: messages name lengths, never values.
 */
public final class CheckValues {

    private CheckValues() {
    }

    /**
     * The leftmost {@code length} bytes of the check value of the clear {@code key}.
     *
     * @throws IllegalArgumentException for a key length the algorithm does not allow, a length
     *     outside 1 to the block size, or the CMAC method with a single-DES key
     */
    public static byte[] compute(KeyAlgorithm algorithm, byte[] key, KeyCheckValueMethod method, int length) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(method, "method");
        if (!algorithm.allowsKeyLength(key.length)) {
            throw new IllegalArgumentException(algorithm + " key must be " + keyLengths(algorithm) + " bytes, not " + key.length);
        }
        requireLength(algorithm.blockSize(), length);
        requireMethod(algorithm, method);
        return compute(BlockCipherKey.of(algorithm, key), method, length);
    }

    /** The same check value for an already prepared key. */
    public static byte[] compute(BlockCipherKey key, KeyCheckValueMethod method, int length) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(method, "method");
        requireLength(key.blockSize(), length);
        requireMethod(key.algorithm(), method);
        byte[] zeros = new byte[key.blockSize()];
        byte[] block = switch (method) {
            case ZEROS -> {
                key.encryptBlock(zeros, 0, zeros, 0);
                yield zeros;
            }
            case CMAC -> Cmac.of(key).compute(zeros);
        };
        byte[] checkValue = Arrays.copyOf(block, length);
        BlockCipherKey.wipe(block);
        return checkValue;
    }

    /** 3 bytes for DES and TDES (the customary 6 hexadecimal digits), 5 for AES (X9.24-1:2017, X9.143). */
    public static int defaultLength(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case DES, TDES -> 3;
            case AES -> 5;
        };
    }

    /** {@link KeyCheckValueMethod#ZEROS} for DES and TDES, {@link KeyCheckValueMethod#CMAC} for AES. */
    public static KeyCheckValueMethod defaultMethod(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case DES, TDES -> KeyCheckValueMethod.ZEROS;
            case AES -> KeyCheckValueMethod.CMAC;
        };
    }

    private static String keyLengths(KeyAlgorithm algorithm) {
        return switch (algorithm) {
            case DES -> "8";
            case TDES -> "16 or 24";
            case AES -> "16, 24 or 32";
        };
    }

    private static void requireLength(int blockSize, int length) {
        if (length < 1 || length > blockSize) {
            throw new IllegalArgumentException("check value length must be 1 to " + blockSize + " bytes, not " + length);
        }
    }

    private static void requireMethod(KeyAlgorithm algorithm, KeyCheckValueMethod method) {
        if (method == KeyCheckValueMethod.CMAC && algorithm == KeyAlgorithm.DES) {
            throw new IllegalArgumentException("CMAC check values are defined for TDES and AES keys, not DES");
        }
    }
}
