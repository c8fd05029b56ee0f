package io.keyrail.hsm.crypto.kcv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.mac.MacCalculator;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CheckValuesTest {

    /** A published check value read from kcv.json: the leftmost bytes ("kcv") and/or the whole enciphered block. */
    record PublishedCheckValue(Vector vector, KeyAlgorithm algorithm, KeyCheckValueMethod method, byte[] key, byte[] expected) {

        static PublishedCheckValue of(Vector v) {
            KeyCheckValueMethod method = switch (v.algorithm()) {
                case "DES-KCV", "TDES-KCV", "AES-KCV-ECB-ZEROS" -> KeyCheckValueMethod.ZEROS;
                case "AES-KCV-CMAC" -> KeyCheckValueMethod.CMAC;
                default -> throw new IllegalStateException("vector " + v.id() + " has unknown algorithm " + v.algorithm());
            };
            KeyAlgorithm algorithm = switch (v.algorithm()) {
                case "DES-KCV" -> KeyAlgorithm.DES;
                case "TDES-KCV" -> KeyAlgorithm.TDES;
                default -> KeyAlgorithm.AES;
            };
            byte[] expected = Hex.decode(v.hasExpected("kcv") ? v.expected("kcv") : v.expected("zero_block_ciphertext"));
            return new PublishedCheckValue(v, algorithm, method, Hex.decode(v.input("key")), expected);
        }

        @Override
        public String toString() {
            return vector.id();
        }
    }

    static Stream<PublishedCheckValue> publishedCheckValues() {
        return KnownAnswerVectors.load("kcv").stream().map(PublishedCheckValue::of);
    }

    @ParameterizedTest
    @MethodSource("publishedCheckValues")
    void computesThePublishedCheckValue(PublishedCheckValue v) {
        assertThat(CheckValues.compute(v.algorithm(), v.key(), v.method(), v.expected().length)).isEqualTo(v.expected());
    }

    @ParameterizedTest
    @MethodSource("publishedCheckValues")
    void givesThePublishedCheckValueForAPreparedKey(PublishedCheckValue v) {
        BlockCipherKey key = BlockCipherKey.of(v.algorithm(), v.key());

        assertThat(CheckValues.compute(key, v.method(), v.expected().length)).isEqualTo(v.expected());
    }

    @ParameterizedTest
    @MethodSource("publishedCheckValues")
    void shorterCheckValuesAreTheLeftmostBytes(PublishedCheckValue v) {
        for (int length = 1; length <= v.expected().length; length++) {
            assertThat(CheckValues.compute(v.algorithm(), v.key(), v.method(), length))
                    .isEqualTo(Arrays.copyOf(v.expected(), length));
        }
    }

    static Stream<Vector> vectorsPrintingBothKcvAndZeroBlock() {
        return KnownAnswerVectors.load("kcv").stream()
                .filter(v -> v.hasExpected("kcv") && v.hasExpected("zero_block_ciphertext"));
    }

    @ParameterizedTest
    @MethodSource("vectorsPrintingBothKcvAndZeroBlock")
    void computesTheWholeZeroBlockWhereTheSourcePrintsIt(Vector v) {
        PublishedCheckValue published = PublishedCheckValue.of(v);
        byte[] block = Hex.decode(v.expected("zero_block_ciphertext"));

        assertThat(CheckValues.compute(published.algorithm(), published.key(), KeyCheckValueMethod.ZEROS, block.length))
                .isEqualTo(block);
    }

    static Stream<PublishedCheckValue> cmacCheckValues() {
        return publishedCheckValues().filter(v -> v.method() == KeyCheckValueMethod.CMAC);
    }

    @ParameterizedTest
    @MethodSource("cmacCheckValues")
    void aesCmacCheckValuesAreTheAesCmacOfOneZeroBlock(PublishedCheckValue v) {
        byte[] cmac = MacCalculator.of(MacAlgorithm.AES_CMAC, v.key()).compute(new byte[16], null);

        assertThat(Arrays.copyOf(cmac, v.expected().length)).isEqualTo(v.expected());
    }

    @Test
    void tdesCmacCheckValueIsTheTdesCmacOfOneZeroBlock() {
        byte[] key = Hex.decode("0123456789ABCDEF23456789ABCDEF01456789ABCDEF0123");
        byte[] cmac = MacCalculator.of(MacAlgorithm.TDES_CMAC, key).compute(new byte[8], null);

        assertThat(CheckValues.compute(KeyAlgorithm.TDES, key, KeyCheckValueMethod.CMAC, 8)).isEqualTo(cmac);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(KeyAlgorithm.TDES, 12, KeyCheckValueMethod.ZEROS, 3, "TDES key must be 16 or 24 bytes, not 12"),
                Arguments.of(KeyAlgorithm.TDES, 8, KeyCheckValueMethod.ZEROS, 3, "TDES key must be 16 or 24 bytes, not 8"),
                Arguments.of(KeyAlgorithm.DES, 16, KeyCheckValueMethod.ZEROS, 3, "DES key must be 8 bytes, not 16"),
                Arguments.of(KeyAlgorithm.AES, 20, KeyCheckValueMethod.CMAC, 5, "AES key must be 16, 24 or 32 bytes, not 20"),
                Arguments.of(KeyAlgorithm.AES, 0, KeyCheckValueMethod.CMAC, 5, "AES key must be 16, 24 or 32 bytes, not 0"),
                Arguments.of(KeyAlgorithm.TDES, 16, KeyCheckValueMethod.ZEROS, 0, "check value length must be 1 to 8 bytes, not 0"),
                Arguments.of(KeyAlgorithm.TDES, 16, KeyCheckValueMethod.ZEROS, 9, "check value length must be 1 to 8 bytes, not 9"),
                Arguments.of(KeyAlgorithm.DES, 8, KeyCheckValueMethod.ZEROS, -1, "check value length must be 1 to 8 bytes, not -1"),
                Arguments.of(KeyAlgorithm.AES, 16, KeyCheckValueMethod.CMAC, 17, "check value length must be 1 to 16 bytes, not 17"),
                Arguments.of(KeyAlgorithm.AES, 32, KeyCheckValueMethod.ZEROS, 0, "check value length must be 1 to 16 bytes, not 0"),
                Arguments.of(KeyAlgorithm.DES, 8, KeyCheckValueMethod.CMAC, 3, "CMAC check values are defined for TDES and AES keys, not DES"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void rejectsBadInputsNamingWhatIsWrong(KeyAlgorithm algorithm, int keyLength, KeyCheckValueMethod method, int length,
                                          String message) {
        assertThatThrownBy(() -> CheckValues.compute(algorithm, new byte[keyLength], method, length))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rejectsABadLengthForAPreparedKey() {
        BlockCipherKey key = BlockCipherKey.aes(new byte[16]);

        assertThatThrownBy(() -> CheckValues.compute(key, KeyCheckValueMethod.CMAC, 17))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("check value length must be 1 to 16 bytes, not 17");
    }

    @Test
    void errorMessagesNeverShowTheKey() {
        byte[] key = Hex.decode("0123456789ABCDEFFEDCBA98");

        assertThatThrownBy(() -> CheckValues.compute(KeyAlgorithm.TDES, key, KeyCheckValueMethod.ZEROS, 3))
                .message().doesNotContain("0123").doesNotContain("FEDC");
    }

    @ParameterizedTest
    @EnumSource(KeyAlgorithm.class)
    void defaultsAreThreeZeroBlockBytesForDesFamilyAndFiveCmacBytesForAes(KeyAlgorithm algorithm) {
        boolean aes = algorithm == KeyAlgorithm.AES;

        assertThat(CheckValues.defaultLength(algorithm)).isEqualTo(aes ? 5 : 3);
        assertThat(CheckValues.defaultMethod(algorithm)).isEqualTo(aes ? KeyCheckValueMethod.CMAC : KeyCheckValueMethod.ZEROS);
    }
}
