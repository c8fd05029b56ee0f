package io.keyrail.hsm.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MacCalculatorTest {

    /** A published MAC vector read from mac.json. */
    record PublishedMac(Vector vector, MacAlgorithm algorithm, byte[] key, byte[] data, MacPadding padding, byte[] mac) {

        static PublishedMac of(Vector v) {
            MacAlgorithm algorithm = switch (v.algorithm()) {
                case "ISO9797-1-ALG1" -> MacAlgorithm.ISO9797_1_ALG1;
                case "ISO9797-1-ALG3" -> MacAlgorithm.ISO9797_1_ALG3;
                case "ANSI-X9.9" -> MacAlgorithm.ANSI_X9_9;
                case "ANSI-X9.19" -> MacAlgorithm.ANSI_X9_19;
                case "AES-CMAC" -> MacAlgorithm.AES_CMAC;
                case "TDES-CMAC" -> MacAlgorithm.TDES_CMAC;
                case "CUP-POS-ECB-MAC" -> MacAlgorithm.CUP_ECB;
                default -> throw new IllegalStateException("vector " + v.id() + " has unknown algorithm " + v.algorithm());
            };
            byte[] data = v.hasInput("data_hex") ? bytes(v.input("data_hex"))
                    : v.input("data_ascii").getBytes(StandardCharsets.US_ASCII);
            MacPadding padding = v.hasInput("padding") ? MacPadding.ofNumber(Integer.parseInt(v.input("padding"))) : null;
            byte[] mac = v.hasExpected("mac_ascii") ? v.expected("mac_ascii").getBytes(StandardCharsets.US_ASCII)
                    : v.hasExpected("mac_ascii_prefix_hex") ? Hex.decode(v.expected("mac_ascii_prefix_hex"))
                    : Hex.decode(v.expected("mac"));
            return new PublishedMac(v, algorithm, Hex.decode(v.input("key")), data, padding, mac);
        }

        MacCalculator calculator() {
            return MacCalculator.of(algorithm, key);
        }

        boolean fullLength() {
            return mac.length == algorithm.length();
        }

        @Override
        public String toString() {
            return vector.id();
        }
    }

    static byte[] bytes(String hex) {
        return hex.isEmpty() ? new byte[0] : Hex.decode(hex);
    }

    static Stream<PublishedMac> publishedMacs() {
        return KnownAnswerVectors.load("mac").stream().map(PublishedMac::of);
    }

    static Stream<PublishedMac> fullLengthMacs() {
        return publishedMacs().filter(PublishedMac::fullLength);
    }

    @ParameterizedTest
    @MethodSource("publishedMacs")
    void computesThePublishedMac(PublishedMac v) {
        byte[] mac = v.calculator().compute(v.data(), v.padding());

        assertThat(mac).hasSize(v.algorithm().length());
        assertThat(Arrays.copyOf(mac, v.mac().length)).isEqualTo(v.mac());
    }

    @ParameterizedTest
    @MethodSource("publishedMacs")
    void verifiesThePublishedMac(PublishedMac v) {
        assertThat(v.calculator().verify(v.data(), v.padding(), v.mac())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("publishedMacs")
    void rejectsThePublishedMacWithAnyOneBitFlipped(PublishedMac v) {
        MacCalculator calculator = v.calculator();
        for (int bit = 0; bit < v.mac().length * 8; bit++) {
            byte[] flipped = v.mac().clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertThat(calculator.verify(v.data(), v.padding(), flipped)).as("bit %d flipped", bit).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("publishedMacs")
    void rejectsThePublishedMacOverDataWithOneMoreNonZeroByte(PublishedMac v) {
        byte[] longer = Arrays.copyOf(v.data(), v.data().length + 1);
        longer[v.data().length] = 0x5A;

        assertThat(v.calculator().verify(longer, v.padding(), v.mac())).isFalse();
    }

    @ParameterizedTest
    @MethodSource("fullLengthMacs")
    void acceptsEveryLeftmostTruncationFromFourBytesToFullLength(PublishedMac v) {
        MacCalculator calculator = v.calculator();
        for (int length = MacCalculator.MIN_VERIFY_LENGTH; length <= v.mac().length; length++) {
            assertThat(calculator.verify(v.data(), v.padding(), Arrays.copyOf(v.mac(), length)))
                    .as("leftmost %d bytes", length).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("fullLengthMacs")
    void rejectsAMacShorterThanFourBytesOrLongerThanFullLength(PublishedMac v) {
        MacCalculator calculator = v.calculator();
        byte[] tooLong = Arrays.copyOf(v.mac(), v.mac().length + 1);

        assertThat(calculator.verify(v.data(), v.padding(), Arrays.copyOf(v.mac(), 3))).isFalse();
        assertThat(calculator.verify(v.data(), v.padding(), new byte[0])).isFalse();
        assertThat(calculator.verify(v.data(), v.padding(), tooLong)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("publishedMacs")
    void truncatedPublishedMacsAreTheLeftmostBytesOfTheFullMac(PublishedMac v) {
        byte[] full = v.calculator().compute(v.data(), v.padding());

        assertThat(v.mac().length).isBetween(MacCalculator.MIN_VERIFY_LENGTH, full.length);
        assertThat(v.calculator().verify(v.data(), v.padding(), full)).isTrue();
    }

    @Test
    void cupMacReproducesEveryPublishedIntermediateStep() {
        List<PublishedMac> worked = publishedMacs()
                .filter(v -> v.algorithm() == MacAlgorithm.CUP_ECB && v.vector().hasExpected("intermediates"))
                .toList();
        assertThat(worked).isNotEmpty();
        for (PublishedMac v : worked) {
            JsonNode expected = JsonMapper.builder().build().readTree(v.vector().expected("intermediates"));
            CupPosEcbMac.Steps steps = new CupPosEcbMac(io.keyrail.hsm.crypto.cipher.BlockCipherKey.des(v.key()))
                    .steps(v.data());

            assertThat(Hex.encode(steps.blockXor())).isEqualTo(expected.get("xor_result").asString());
            assertThat(Hex.encode(steps.firstEncipherment())).isEqualTo(expected.get("enc1").asString());
            assertThat(Hex.encode(steps.secondInput())).isEqualTo(expected.get("xor2").asString());
            assertThat(Hex.encode(steps.secondEncipherment())).isEqualTo(expected.get("enc2").asString());
        }
    }

    @ParameterizedTest
    @EnumSource(MacAlgorithm.class)
    void everyAlgorithmHasAtLeastOnePublishedVector(MacAlgorithm algorithm) {
        assertThat(publishedMacs().filter(v -> v.algorithm() == algorithm)).isNotEmpty();
    }

    @ParameterizedTest
    @EnumSource(MacPadding.class)
    void everyPaddingMethodHasAtLeastOnePublishedVector(MacPadding padding) {
        Set<MacAlgorithm> covered = publishedMacs().filter(v -> v.padding() == padding)
                .map(PublishedMac::algorithm).collect(Collectors.toSet());

        assertThat(covered).contains(MacAlgorithm.ISO9797_1_ALG1, MacAlgorithm.ISO9797_1_ALG3);
    }

    static Stream<Arguments> badKeys() {
        return Stream.of(
                Arguments.of(MacAlgorithm.ISO9797_1_ALG1, 12, "ISO 9797-1 MAC algorithm 1 key must be 8, 16 or 24 bytes, not 12"),
                Arguments.of(MacAlgorithm.ISO9797_1_ALG1, 32, "ISO 9797-1 MAC algorithm 1 key must be 8, 16 or 24 bytes, not 32"),
                Arguments.of(MacAlgorithm.ISO9797_1_ALG3, 8, "ISO 9797-1 MAC algorithm 3 key must be 16 bytes (K||K'), not 8"),
                Arguments.of(MacAlgorithm.ISO9797_1_ALG3, 24, "ISO 9797-1 MAC algorithm 3 key must be 16 bytes (K||K'), not 24"),
                Arguments.of(MacAlgorithm.ANSI_X9_9, 16, "ANSI X9.9 key must be 8 bytes, not 16"),
                Arguments.of(MacAlgorithm.ANSI_X9_19, 8, "ANSI X9.19 key must be 16 bytes (K||K'), not 8"),
                Arguments.of(MacAlgorithm.ANSI_X9_19, 24, "ANSI X9.19 key must be 16 bytes (K||K'), not 24"),
                Arguments.of(MacAlgorithm.AES_CMAC, 8, "AES-CMAC key must be 16, 24 or 32 bytes, not 8"),
                Arguments.of(MacAlgorithm.AES_CMAC, 0, "AES-CMAC key must be 16, 24 or 32 bytes, not 0"),
                Arguments.of(MacAlgorithm.TDES_CMAC, 8, "TDES-CMAC key must be 16 or 24 bytes, not 8"),
                Arguments.of(MacAlgorithm.TDES_CMAC, 32, "TDES-CMAC key must be 16 or 24 bytes, not 32"),
                Arguments.of(MacAlgorithm.CUP_ECB, 24, "CUP POS ECB MAC key must be 8 or 16 bytes, not 24"),
                Arguments.of(MacAlgorithm.CUP_ECB, 7, "CUP POS ECB MAC key must be 8 or 16 bytes, not 7"));
    }

    @ParameterizedTest
    @MethodSource("badKeys")
    void rejectsAKeyOfALengthTheAlgorithmDoesNotTake(MacAlgorithm algorithm, int length, String message) {
        assertThatThrownBy(() -> MacCalculator.of(algorithm, new byte[length]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> missingPadding() {
        return Stream.of(
                Arguments.of(MacAlgorithm.ISO9797_1_ALG1, 8, "ISO 9797-1 MAC algorithm 1 needs a padding method (1, 2 or 3)"),
                Arguments.of(MacAlgorithm.ISO9797_1_ALG3, 16, "ISO 9797-1 MAC algorithm 3 needs a padding method (1, 2 or 3)"),
                Arguments.of(MacAlgorithm.ANSI_X9_9, 8, "ANSI X9.9 needs a padding method (1, 2 or 3)"),
                Arguments.of(MacAlgorithm.ANSI_X9_19, 16, "ANSI X9.19 needs a padding method (1, 2 or 3)"));
    }

    @ParameterizedTest
    @MethodSource("missingPadding")
    void rejectsAMissingPaddingMethodWhenTheAlgorithmTakesOne(MacAlgorithm algorithm, int keyLength, String message) {
        MacCalculator calculator = MacCalculator.of(algorithm, key(keyLength));

        assertThatThrownBy(() -> calculator.compute(new byte[8], null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
        assertThatThrownBy(() -> calculator.verify(new byte[8], null, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"AES_CMAC", "TDES_CMAC", "CUP_ECB"})
    void ignoresThePaddingMethodForCmacAndTheCupMac(MacAlgorithm algorithm) {
        MacCalculator calculator = MacCalculator.of(algorithm, key(16));
        byte[] data = "padding is not an input".getBytes(StandardCharsets.US_ASCII);

        byte[] withoutPadding = calculator.compute(data, null);
        for (MacPadding padding : MacPadding.values()) {
            assertThat(calculator.compute(data, padding)).isEqualTo(withoutPadding);
        }
    }

    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"ISO9797_1_ALG1", "ISO9797_1_ALG3"})
    void paddingMethodTwoMacsTheDataFollowedByEightyAndZeros(MacAlgorithm algorithm) {
        MacCalculator calculator = MacCalculator.of(algorithm, key(16));
        for (int length = 0; length <= 17; length++) {
            byte[] data = message(length);
            byte[] padded = Arrays.copyOf(data, (length / 8 + 1) * 8);
            padded[length] = (byte) 0x80;

            assertThat(calculator.compute(data, MacPadding.METHOD_2))
                    .as("%d bytes", length).isEqualTo(calculator.compute(padded, MacPadding.METHOD_1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"ISO9797_1_ALG1", "ISO9797_1_ALG3"})
    void paddingMethodThreeMacsTheBitLengthBlockFollowedByTheData(MacAlgorithm algorithm) {
        MacCalculator calculator = MacCalculator.of(algorithm, key(16));
        for (int length = 1; length <= 17; length++) {
            byte[] data = message(length);
            byte[] withLength = new byte[8 + length];
            withLength[7] = (byte) (length * 8);
            System.arraycopy(data, 0, withLength, 8, length);

            assertThat(calculator.compute(data, MacPadding.METHOD_3))
                    .as("%d bytes", length).isEqualTo(calculator.compute(withLength, MacPadding.METHOD_1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = MacAlgorithm.class, names = {"ISO9797_1_ALG1", "ISO9797_1_ALG3"})
    void paddingMethodOneMacsEmptyDataAsOneZeroBlock(MacAlgorithm algorithm) {
        MacCalculator calculator = MacCalculator.of(algorithm, key(16));

        assertThat(calculator.compute(new byte[0], MacPadding.METHOD_1))
                .isEqualTo(calculator.compute(new byte[8], MacPadding.METHOD_1));
    }

    @Test
    void ansiX919IsIso9797AlgorithmThree() {
        byte[] key = key(16);
        byte[] data = message(37);
        for (MacPadding padding : MacPadding.values()) {
            assertThat(MacCalculator.of(MacAlgorithm.ANSI_X9_19, key).compute(data, padding))
                    .isEqualTo(MacCalculator.of(MacAlgorithm.ISO9797_1_ALG3, key).compute(data, padding));
        }
    }

    @Test
    void oneCalculatorGivesTheSameMacsFromManyThreads() {
        List<PublishedMac> vectors = publishedMacs().toList();
        List<MacCalculator> calculators = vectors.stream().map(PublishedMac::calculator).toList();

        boolean allVerified = IntStream.range(0, 20_000).parallel().allMatch(i -> {
            PublishedMac v = vectors.get(i % vectors.size());
            return calculators.get(i % vectors.size()).verify(v.data(), v.padding(), v.mac());
        });

        assertThat(allVerified).isTrue();
    }

    @ParameterizedTest
    @EnumSource(MacAlgorithm.class)
    void toStringNamesTheAlgorithmButNeverTheKey(MacAlgorithm algorithm) {
        byte[] key = key(algorithm == MacAlgorithm.ANSI_X9_9 ? 8 : 16);
        String text = MacCalculator.of(algorithm, key).toString();

        assertThat(text).contains(algorithm.name()).doesNotContain(Hex.encode(key)).doesNotContain(Hex.encode(key, 0, 4));
    }

    @Test
    void computeReturnsTheFullLengthOfEveryAlgorithm() {
        for (MacAlgorithm algorithm : EnumSet.allOf(MacAlgorithm.class)) {
            byte[] key = key(algorithm == MacAlgorithm.ANSI_X9_9 ? 8 : 16);
            assertThat(MacCalculator.of(algorithm, key).compute(message(10), MacPadding.METHOD_1))
                    .hasSize(algorithm.length());
        }
    }

    private static byte[] key(int length) {
        byte[] key = new byte[length];
        for (int i = 0; i < length; i++) {
            key[i] = (byte) (0x13 * (i + 1) + 0x5A);
        }
        return key;
    }

    private static byte[] message(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        return data;
    }
}
