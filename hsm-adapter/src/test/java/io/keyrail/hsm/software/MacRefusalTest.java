package io.keyrail.hsm.software;

import static io.keyrail.hsm.software.MacTest.DATA;
import static io.keyrail.hsm.software.MacTest.HSM;
import static io.keyrail.hsm.software.MacTest.macKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerificationResult;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input table of MAC generation and verification: each refused key and the exact reason. */
class MacRefusalTest {

    static Stream<Arguments> refusedKeys() {
        KeyBlock tpk = HSM.generate(KeyType.TPK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tak3 = HSM.generate(KeyType.TAK, KeyScheme.TDES_3KEY).keyBlock();
        KeyBlock aesTak = HSM.generate(KeyType.TAK, KeyScheme.AES_128).keyBlock();
        KeyBlock bdk = HSM.generate(KeyType.BDK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tdesCmacKey = macKey(KeyUsage.M6, ModeOfUse.C, KeyAlgorithm.TDES, KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY));
        KeyBlock aesCmacKey = macKey(KeyUsage.M6, ModeOfUse.C, KeyAlgorithm.AES, KnownLmkHsm.randomKey(KeyScheme.AES_128));
        KeyBlock tdesCbcKey = macKey(KeyUsage.M1, ModeOfUse.C, KeyAlgorithm.TDES, KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY));
        return Stream.of(
                Arguments.of("a TPK", tpk, MacAlgorithm.ANSI_X9_19, "a key of usage P0 cannot compute ANSI_X9_19"),
                Arguments.of("a BDK", bdk, MacAlgorithm.ISO9797_1_ALG1, "a key of usage B0 cannot compute ISO9797_1_ALG1"),
                Arguments.of("an M3 TDES key for AES-CMAC", tak, MacAlgorithm.AES_CMAC, "a key of usage M3 cannot compute AES_CMAC"),
                Arguments.of("an M3 key for algorithm 1", tak, MacAlgorithm.ISO9797_1_ALG1,
                        "a key of usage M3 cannot compute ISO9797_1_ALG1"),
                Arguments.of("an M1 key for X9.19", tdesCbcKey, MacAlgorithm.ANSI_X9_19, "a key of usage M1 cannot compute ANSI_X9_19"),
                Arguments.of("an AES M3 key for X9.19", aesTak, MacAlgorithm.ANSI_X9_19,
                        "ANSI_X9_19 cannot use a 16-byte AES key"),
                Arguments.of("an AES M3 key for CUP", aesTak, MacAlgorithm.CUP_ECB, "CUP_ECB cannot use a 16-byte AES key"),
                Arguments.of("a 3-key M3 key for X9.19", tak3, MacAlgorithm.ANSI_X9_19, "ANSI_X9_19 cannot use a 24-byte TDES key"),
                Arguments.of("a 3-key M3 key for CUP", tak3, MacAlgorithm.CUP_ECB, "CUP_ECB cannot use a 24-byte TDES key"),
                Arguments.of("a 2-key M1 key for X9.9", tdesCbcKey, MacAlgorithm.ANSI_X9_9, "ANSI_X9_9 cannot use a 16-byte TDES key"),
                Arguments.of("a TDES M6 key for AES-CMAC", tdesCmacKey, MacAlgorithm.AES_CMAC,
                        "AES_CMAC cannot use a 16-byte TDES key"),
                Arguments.of("an AES M6 key for TDES-CMAC", aesCmacKey, MacAlgorithm.TDES_CMAC,
                        "TDES_CMAC cannot use a 16-byte AES key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeys")
    void refusesToGenerateOrVerifyWithAKeyThatDoesNotFitTheAlgorithm(String what, KeyBlock key, MacAlgorithm algorithm,
                                                                     String reason) {
        MacPadding padding = algorithm.takesPadding() ? MacPadding.METHOD_1 : null;

        assertThat(HSM.hsm().macGeneration().generate(key, algorithm, padding, DATA))
                .isEqualTo(new MacGenerationResult.KeyUsageRefused(reason));
        assertThat(HSM.hsm().macVerification().verify(key, algorithm, padding, DATA, new byte[8]))
                .isEqualTo(new MacVerificationResult.KeyUsageRefused(reason));
    }

    @Test
    void letsAVerifyOnlyKeyVerifyButNotGenerate() {
        byte[] clear = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        KeyBlock generateOnly = macKey(KeyUsage.M3, ModeOfUse.G, KeyAlgorithm.TDES, clear);
        KeyBlock verifyOnly = macKey(KeyUsage.M3, ModeOfUse.V, KeyAlgorithm.TDES, clear);
        byte[] mac = MacTest.generated(generateOnly, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA);

        assertThat(HSM.hsm().macVerification().verify(verifyOnly, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA, mac))
                .isEqualTo(new MacVerificationResult.Verified());
        assertThat(HSM.hsm().macGeneration().generate(verifyOnly, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA))
                .isEqualTo(new MacGenerationResult.KeyUsageRefused("the key's mode of use V forbids generating MACs"));
        assertThat(HSM.hsm().macVerification().verify(generateOnly, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA, mac))
                .isEqualTo(new MacVerificationResult.KeyUsageRefused("the key's mode of use G forbids verifying MACs"));
    }

    @Test
    void refusesAMissingPaddingMethodForTheIsoAlgorithms() {
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();

        assertThatThrownBy(() -> HSM.hsm().macGeneration().generate(tak, MacAlgorithm.ANSI_X9_19, null, DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ANSI X9.19 needs a padding method (1, 2 or 3)");
        assertThatThrownBy(() -> HSM.hsm().macVerification().verify(tak, MacAlgorithm.ISO9797_1_ALG3, null, DATA, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ISO 9797-1 MAC algorithm 3 needs a padding method (1, 2 or 3)");
    }

    @Test
    void reportsAMacLongerThanTheAlgorithmsAsAMismatch() {
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        byte[] mac = MacTest.generated(tak, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA);

        assertThat(HSM.hsm().macVerification().verify(tak, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA,
                Arrays.copyOf(mac, 9))).isEqualTo(new MacVerificationResult.Mismatch());
    }
}
