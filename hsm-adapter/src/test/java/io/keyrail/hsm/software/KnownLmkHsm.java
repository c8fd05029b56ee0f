package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A software HSM whose LMKs the test knows, so that a test can open any key block the HSM hands
 * out (with {@link Tr31KeyBlocks}, independently of the HSM) and form keys whose clear value it
 * chose. Two LMKs: {@link #LMK_ID} is current, {@link #NEXT_LMK_ID} is loaded for rotation.
 */
final class KnownLmkHsm {

    static final String LMK_ID = "lmk-2024";
    static final String NEXT_LMK_ID = "lmk-2025";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, byte[]> lmks = new LinkedHashMap<>();
    private final SoftwareHsm hsm;

    KnownLmkHsm() {
        lmks.put(LMK_ID, random(32));
        lmks.put(NEXT_LMK_ID, random(32));
        hsm = SoftwareHsm.create(LmkRing.of(lmks, LMK_ID));
    }

    SoftwareHsm hsm() {
        return hsm;
    }

    byte[] lmk(String id) {
        return lmks.get(id).clone();
    }

    /** The key block opened with the test's copy of its LMK. */
    Tr31Unwrapping.Unwrapped open(KeyBlock block) {
        Tr31Unwrapping result = Tr31KeyBlocks.unwrap(lmks.get(block.lmkId()), block.value());
        assertThat(result).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
        return (Tr31Unwrapping.Unwrapped) result;
    }

    byte[] clearKey(KeyBlock block) {
        return open(block).key();
    }

    Tr31Header header(KeyBlock block) {
        return open(block).header();
    }

    GeneratedKey generate(KeyType type, KeyScheme scheme) {
        return hsm.keyGeneration().generate(type, scheme);
    }

    /**
     * A key of {@code type} whose clear value is {@code clear} (with odd parity for DES and TDES),
     * formed from two components.
     */
    GeneratedKey known(KeyType type, KeyScheme scheme, byte[] clear) {
        byte[] second = randomKey(scheme);
        byte[] first = xor(clear, second);
        ComponentFormation formation = hsm.keyComponents().formFromComponents(type, scheme,
                List.of(component(scheme, first), component(scheme, second)));
        assertThat(formation).isInstanceOf(ComponentFormation.Formed.class);
        GeneratedKey key = ((ComponentFormation.Formed) formation).key();
        assertThat(clearKey(key.keyBlock())).isEqualTo(withParity(scheme, clear));
        return key;
    }

    static CheckedComponent component(KeyScheme scheme, byte[] bytes) {
        return new CheckedComponent(KeyComponent.ofBytes(bytes, ClearKeyAccess.custodianCeremony()),
                checkValue(scheme.algorithm(), bytes));
    }

    /** The default check value (ZEROS, 3 bytes for DES/TDES; CMAC, 5 bytes for AES), computed in the test. */
    static KeyCheckValue checkValue(KeyAlgorithm algorithm, byte[] clear) {
        return new KeyCheckValue(Hex.encode(CheckValues.compute(algorithm, clear, CheckValues.defaultMethod(algorithm),
                CheckValues.defaultLength(algorithm))));
    }

    /** {@code key} with odd parity for DES and TDES (a copy), unchanged for AES: what forming a key gives. */
    static byte[] withParity(KeyScheme scheme, byte[] key) {
        return scheme.algorithm() == KeyAlgorithm.AES ? key.clone() : BlockCipherKey.withOddParity(key.clone());
    }

    /** Random key bytes of the scheme's length, with odd parity for DES and TDES. */
    static byte[] randomKey(KeyScheme scheme) {
        byte[] key = random(scheme.length());
        return scheme.algorithm() == KeyAlgorithm.AES ? key : BlockCipherKey.withOddParity(key);
    }

    static byte[] random(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static byte[] xor(byte[] a, byte[] b) {
        byte[] out = new byte[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (byte) (a[i] ^ b[i]);
        }
        return out;
    }
}
