package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KeyGenerationTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();

    static Stream<Arguments> everyTypeAndScheme() {
        return Stream.of(KeyType.values()).flatMap(type -> Stream.of(KeyScheme.values()).map(s -> Arguments.of(type, s)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeAndScheme")
    void sealsAFreshKeyInAVersionDBlockThatBindsTheTypesUsageModeAndExportability(KeyType type, KeyScheme scheme) {
        GeneratedKey key = HSM.generate(type, scheme);

        KeyBlock block = key.keyBlock();
        assertThat(key.type()).isEqualTo(type);
        assertThat(block.lmkId()).isEqualTo(KnownLmkHsm.LMK_ID);
        assertThat(block.version()).isEqualTo(KeyBlockVersion.D);
        assertThat(block.usage()).isEqualTo(type.usage());
        assertThat(block.modeOfUse()).isEqualTo(type.modeOfUse());
        assertThat(block.exportability()).isEqualTo(type.exportability());
        assertThat(block.algorithm()).isEqualTo(scheme.algorithm());
        Tr31Header header = HSM.header(block);
        assertThat(header.usage()).isEqualTo(type.usage());
        assertThat(header.mode()).isEqualTo(type.modeOfUse());
        assertThat(header.exportabilityCode()).isEqualTo(type.exportability());
        assertThat(header.keyAlgorithm()).isEqualTo(scheme.algorithm());
        assertThat(HSM.clearKey(block)).hasSize(scheme.length());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTypeAndScheme")
    void givesTheCheckValueOfTheKeyInsideTheBlock(KeyType type, KeyScheme scheme) {
        GeneratedKey key = HSM.generate(type, scheme);

        KeyAlgorithm algorithm = scheme.algorithm();
        assertThat(key.checkValue().length()).isEqualTo(algorithm == KeyAlgorithm.AES ? 5 : 3);
        assertThat(key.checkValue()).isEqualTo(KnownLmkHsm.checkValue(algorithm, HSM.clearKey(key.keyBlock())));
        assertThat(HSM.hsm().keyCheckValues().checkValue(key.keyBlock(), CheckValues.defaultMethod(algorithm),
                key.checkValue().length())).isEqualTo(key.checkValue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("desAndTdesSchemes")
    void givesDesAndTdesKeysOddParityAndDistinctHalves(KeyScheme scheme) {
        for (int i = 0; i < 20; i++) {
            byte[] clear = HSM.clearKey(HSM.generate(KeyType.TPK, scheme).keyBlock());
            for (byte b : clear) {
                assertThat(Integer.bitCount(b & 0xFF) % 2).as("parity").isEqualTo(1);
            }
            if (scheme.length() >= 16) {
                assertThat(Hex.encode(clear, 0, 8)).isNotEqualTo(Hex.encode(clear, 8, 8));
            }
        }
    }

    static Stream<KeyScheme> desAndTdesSchemes() {
        return Stream.of(KeyScheme.DES_SINGLE, KeyScheme.TDES_2KEY, KeyScheme.TDES_3KEY);
    }

    @Test
    void neverGivesTheSameKeyTwice() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            keys.add(Hex.encode(HSM.clearKey(HSM.generate(KeyType.ZPK, KeyScheme.AES_128).keyBlock())));
        }
        assertThat(keys).hasSize(50);
    }

    @Test
    void computesCheckValuesByEitherMethodAndAnyLengthUpToTheBlock() {
        byte[] tdes = Hex.decode("0123456789ABCDEFFEDCBA9876543210");
        byte[] aes = Hex.decode("000102030405060708090A0B0C0D0E0F");
        KeyBlock tdesKey = HSM.known(KeyType.TAK, KeyScheme.TDES_2KEY, tdes).keyBlock();
        KeyBlock aesKey = HSM.known(KeyType.ZPK, KeyScheme.AES_128, aes).keyBlock();

        assertThat(HSM.hsm().keyCheckValues().checkValue(tdesKey, KeyCheckValueMethod.ZEROS, 8)).isEqualTo(
                new KeyCheckValue(Hex.encode(CheckValues.compute(KeyAlgorithm.TDES, tdes, KeyCheckValueMethod.ZEROS, 8))));
        assertThat(HSM.hsm().keyCheckValues().checkValue(tdesKey, KeyCheckValueMethod.CMAC, 4)).isEqualTo(
                new KeyCheckValue(Hex.encode(CheckValues.compute(KeyAlgorithm.TDES, tdes, KeyCheckValueMethod.CMAC, 4))));
        assertThat(HSM.hsm().keyCheckValues().checkValue(aesKey, KeyCheckValueMethod.ZEROS, 16)).isEqualTo(
                new KeyCheckValue(Hex.encode(CheckValues.compute(KeyAlgorithm.AES, aes, KeyCheckValueMethod.ZEROS, 16))));
        assertThat(HSM.hsm().keyCheckValues().checkValue(aesKey, KeyCheckValueMethod.CMAC, 5)).isEqualTo(
                new KeyCheckValue(Hex.encode(CheckValues.compute(KeyAlgorithm.AES, aes, KeyCheckValueMethod.CMAC, 5))));
    }

    static Stream<Arguments> badCheckValueRequests() {
        return Stream.of(
                Arguments.of(KeyScheme.TDES_2KEY, KeyCheckValueMethod.ZEROS, 0, "check value length must be 1 to 8 bytes, not 0"),
                Arguments.of(KeyScheme.TDES_2KEY, KeyCheckValueMethod.ZEROS, 9, "check value length must be 1 to 8 bytes, not 9"),
                Arguments.of(KeyScheme.AES_256, KeyCheckValueMethod.CMAC, 17, "check value length must be 1 to 16 bytes, not 17"),
                Arguments.of(KeyScheme.DES_SINGLE, KeyCheckValueMethod.CMAC, 3,
                        "CMAC check values are defined for TDES and AES keys, not DES"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("badCheckValueRequests")
    void refusesACheckValueRequestItCannotAnswer(KeyScheme scheme, KeyCheckValueMethod method, int length, String message) {
        KeyBlock key = HSM.generate(KeyType.TAK, scheme).keyBlock();

        assertThatThrownBy(() -> HSM.hsm().keyCheckValues().checkValue(key, method, length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
