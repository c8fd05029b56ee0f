package io.keyrail.registry;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/**
 * Clear test keys and what the other side of a key ceremony computes with them (a key-injection
 * facility, a custodian, a key-loading device), using the crypto core directly: tests only.
 */
public final class TestKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TestKeys() {
    }

    /** A random double-length TDES key with odd parity. */
    public static byte[] tdes2() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return BlockCipherKey.withOddParity(key);
    }

    public static byte[] aes256() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The XOR of components, with odd parity for DES/TDES, as the HSM forms the key. */
    public static byte[] combine(KeyAlgorithm algorithm, List<byte[]> components) {
        byte[] key = new byte[components.getFirst().length];
        for (byte[] c : components) {
            for (int i = 0; i < key.length; i++) {
                key[i] ^= c[i];
            }
        }
        return algorithm == KeyAlgorithm.AES ? key : BlockCipherKey.withOddParity(key);
    }

    /** The default check value: 3 bytes of E(K, zeros) for TDES, 5 bytes of the CMAC for AES. */
    public static String kcv(KeyAlgorithm algorithm, byte[] key) {
        return Hex.encode(CheckValues.compute(algorithm, key, CheckValues.defaultMethod(algorithm),
                CheckValues.defaultLength(algorithm)));
    }

    public static String hex(byte[] b) {
        return Hex.encode(b);
    }

    public static byte[] bytes(String hex) {
        return Hex.decode(hex, "test key");
    }

    /** The request body that forms a transport key from these components. */
    public static Map<String, Object> transportKeyRequest(String id, String purpose, String scheme,
                                                         KeyAlgorithm algorithm, List<byte[]> components) {
        return Map.of("id", id, "purpose", purpose, "keyScheme", scheme, "components", components.stream()
                .map(c -> Map.of("component", hex(c), "checkValue", kcv(algorithm, c))).toList());
    }
}
