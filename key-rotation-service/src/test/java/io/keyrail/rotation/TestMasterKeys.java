package io.keyrail.rotation;

import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.software.LmkRing;
import io.keyrail.hsm.software.SoftwareHsm;
import io.keyrail.testing.ServiceTestProperties;
import java.util.Map;

/**
 * Terminal master keys as the registry would install them, made in the test with the same test
 * LMK the service uses: generated as two components (as a key ceremony releases them), so the test
 * knows the clear TMK and can open field 62 the way a terminal does. Test code only.
 */
public final class TestMasterKeys {

    private static final SoftwareHsm HSM = SoftwareHsm.create(LmkRing.fromEnvironment(
            Map.of(LmkRing.LMKS_VARIABLE, ServiceTestProperties.lmks())));

    private TestMasterKeys() {
    }

    /** A TMK: its key block under the test LMK, its check value, and (for the test's eyes only) the clear key. */
    public record MasterKey(KeyScheme scheme, KeyBlock keyBlock, String checkValue, byte[] clear) {

        /** TDES-ECB decryption under this TMK, as the terminal opens a field 62 cryptogram. */
        public byte[] decrypt(String cryptogramHex) {
            return BlockCipherKey.of(scheme.algorithm(), clear).decryptEcb(Hex.decode(cryptogramHex, "cryptogram"));
        }

        @Override
        public String toString() {
            return "MasterKey[" + scheme + ", " + keyBlock + "]";
        }
    }

    /** A TMK of {@code scheme} (DES_SINGLE or TDES_2KEY), formed from two generated components. */
    public static MasterKey create(KeyScheme scheme) {
        ComponentRelease release = HSM.keyComponents().generateComponents(KeyType.TMK, scheme, 2);
        byte[] clear = new byte[scheme.length()];
        release.components().forEach(c -> {
            byte[] part = c.component().bytes(ClearKeyAccess.custodianCeremony());
            for (int i = 0; i < clear.length; i++) {
                clear[i] ^= part[i];
            }
        });
        BlockCipherKey.withOddParity(clear);
        return new MasterKey(scheme, release.key().keyBlock(), release.key().checkValue().hex(), clear);
    }

    /** The CUP check value of a clear working key: the first 4 bytes of E(key, 8 zero bytes). */
    public static String checkValue(byte[] clearKey) {
        KeyAlgorithm algorithm = clearKey.length == 8 ? KeyAlgorithm.DES : KeyAlgorithm.TDES;
        return Hex.encode(CheckValues.compute(algorithm, clearKey, KeyCheckValueMethod.ZEROS, 4));
    }

    /** The check value the test HSM computes for {@code keyBlock} (proves a published key block opens under the LMK). */
    public static String checkValueOf(KeyBlock keyBlock) {
        return HSM.keyCheckValues().checkValue(keyBlock, KeyCheckValueMethod.ZEROS, 4).hex();
    }
}
