package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerificationResult;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.mac.MacCalculator;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MAC generation and verification with MAC keys the HSM holds. */
class MacTest {

    static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final byte[] AES_KEK = KnownLmkHsm.randomKey(KeyScheme.AES_256);
    private static final KeyBlock ZMK = HSM.known(KeyType.ZMK, KeyScheme.AES_256, AES_KEK).keyBlock();
    static final byte[] DATA = "0200 723C4481 16 6212345678901234 000000 000000012000".getBytes(StandardCharsets.US_ASCII);
    private static final KeyBlock TAK = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();

    /** A MAC key of {@code usage} and {@code mode} with clear value {@code key}, imported as a TAK. */
    static KeyBlock macKey(KeyUsage usage, ModeOfUse mode, KeyAlgorithm algorithm, byte[] key) {
        String block = Tr31KeyBlocks.wrap(AES_KEK, Tr31Header.of(KeyBlockVersion.D, usage, algorithm, mode, Exportability.E),
                key, null);
        KeyImportResult result = HSM.hsm().keyImport().importKeyBlock(KeyType.TAK, ZMK, block);
        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        return ((KeyImportResult.Imported) result).key().keyBlock();
    }

    static Stream<Vector> publishedMacs() {
        return KnownAnswerVectors.load("mac").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedMacs")
    void generatesAndVerifiesThePublishedMacWithTheKeyHeldUnderTheLmk(Vector v) {
        MacAlgorithm algorithm = algorithm(v.algorithm());
        byte[] clear = Hex.decode(v.input("key"));
        KeyAlgorithm keyAlgorithm = algorithm == MacAlgorithm.AES_CMAC ? KeyAlgorithm.AES
                : clear.length == 8 ? KeyAlgorithm.DES : KeyAlgorithm.TDES;
        KeyUsage usage = switch (algorithm) {
            case ISO9797_1_ALG1, ANSI_X9_9 -> KeyUsage.M1;
            case ISO9797_1_ALG3, ANSI_X9_19, CUP_ECB -> KeyUsage.M3;
            case AES_CMAC, TDES_CMAC -> KeyUsage.M6;
        };
        KeyBlock key = macKey(usage, ModeOfUse.C, keyAlgorithm, clear);
        byte[] data = v.hasInput("data_hex") ? (v.input("data_hex").isEmpty() ? new byte[0] : Hex.decode(v.input("data_hex")))
                : v.input("data_ascii").getBytes(StandardCharsets.US_ASCII);
        MacPadding padding = v.hasInput("padding") ? MacPadding.ofNumber(Integer.parseInt(v.input("padding"))) : null;
        byte[] published = v.hasExpected("mac_ascii") ? v.expected("mac_ascii").getBytes(StandardCharsets.US_ASCII)
                : v.hasExpected("mac_ascii_prefix_hex") ? Hex.decode(v.expected("mac_ascii_prefix_hex"))
                : Hex.decode(v.expected("mac"));

        MacGenerationResult generated = HSM.hsm().macGeneration().generate(key, algorithm, padding, data);

        assertThat(generated).isInstanceOfSatisfying(MacGenerationResult.Generated.class,
                g -> assertThat(Arrays.copyOf(g.mac(), published.length)).isEqualTo(published));
        if (published.length >= MacCalculator.MIN_VERIFY_LENGTH) {
            assertThat(HSM.hsm().macVerification().verify(key, algorithm, padding, data, published))
                    .isEqualTo(new MacVerificationResult.Verified());
        }
    }

    static MacAlgorithm algorithm(String name) {
        return switch (name) {
            case "ISO9797-1-ALG1" -> MacAlgorithm.ISO9797_1_ALG1;
            case "ISO9797-1-ALG3" -> MacAlgorithm.ISO9797_1_ALG3;
            case "ANSI-X9.9" -> MacAlgorithm.ANSI_X9_9;
            case "ANSI-X9.19" -> MacAlgorithm.ANSI_X9_19;
            case "AES-CMAC" -> MacAlgorithm.AES_CMAC;
            case "TDES-CMAC" -> MacAlgorithm.TDES_CMAC;
            case "CUP-POS-ECB-MAC" -> MacAlgorithm.CUP_ECB;
            default -> throw new IllegalStateException("unknown MAC algorithm " + name);
        };
    }

    static Stream<Arguments> takAlgorithms() {
        return Stream.of(
                Arguments.of(MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1),
                Arguments.of(MacAlgorithm.ISO9797_1_ALG3, MacPadding.METHOD_2),
                Arguments.of(MacAlgorithm.CUP_ECB, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takAlgorithms")
    void verifiesTheMacItGenerated(MacAlgorithm algorithm, MacPadding padding) {
        byte[] mac = generated(TAK, algorithm, padding, DATA);

        assertThat(mac).hasSize(algorithm.length());
        assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, DATA, mac))
                .isEqualTo(new MacVerificationResult.Verified());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takAlgorithms")
    void reportsAMismatchForAnyFlippedBitOrChangedData(MacAlgorithm algorithm, MacPadding padding) {
        byte[] mac = generated(TAK, algorithm, padding, DATA);
        for (int bit = 0; bit < mac.length * 8; bit++) {
            byte[] flipped = mac.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, DATA, flipped))
                    .as("bit %d", bit).isEqualTo(new MacVerificationResult.Mismatch());
        }
        byte[] changed = DATA.clone();
        changed[5] ^= 1;
        assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, changed, mac))
                .isEqualTo(new MacVerificationResult.Mismatch());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takAlgorithms")
    void verifiesTheLeftmostFourBytesButNotFewer(MacAlgorithm algorithm, MacPadding padding) {
        byte[] mac = generated(TAK, algorithm, padding, DATA);

        assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, DATA, Arrays.copyOf(mac, 4)))
                .isEqualTo(new MacVerificationResult.Verified());
        assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, DATA, Arrays.copyOf(mac, 3)))
                .isEqualTo(new MacVerificationResult.Mismatch());
        assertThat(HSM.hsm().macVerification().verify(TAK, algorithm, padding, DATA, new byte[0]))
                .isEqualTo(new MacVerificationResult.Mismatch());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("takAlgorithms")
    void computesTheSameMacAsTheCalculatorOnTheClearKey(MacAlgorithm algorithm, MacPadding padding) {
        byte[] expected = MacCalculator.of(algorithm, HSM.clearKey(TAK)).compute(DATA, padding);

        assertThat(generated(TAK, algorithm, padding, DATA)).isEqualTo(expected);
    }

    @Test
    void macsWithAnAesKeyByCmac() {
        byte[] clear = KnownLmkHsm.randomKey(KeyScheme.AES_256);
        KeyBlock key = macKey(KeyUsage.M6, ModeOfUse.C, KeyAlgorithm.AES, clear);

        byte[] mac = generated(key, MacAlgorithm.AES_CMAC, null, DATA);

        assertThat(mac).isEqualTo(MacCalculator.of(MacAlgorithm.AES_CMAC, clear).compute(DATA, null));
        assertThat(HSM.hsm().macVerification().verify(key, MacAlgorithm.AES_CMAC, null, DATA, Arrays.copyOf(mac, 8)))
                .isEqualTo(new MacVerificationResult.Verified());
    }

    static byte[] generated(KeyBlock key, MacAlgorithm algorithm, MacPadding padding, byte[] data) {
        MacGenerationResult result = HSM.hsm().macGeneration().generate(key, algorithm, padding, data);
        assertThat(result).isInstanceOf(MacGenerationResult.Generated.class);
        return ((MacGenerationResult.Generated) result).mac();
    }
}
