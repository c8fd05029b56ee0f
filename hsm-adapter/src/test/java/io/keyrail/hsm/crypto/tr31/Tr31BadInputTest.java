package io.keyrail.hsm.crypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way wrapping and unwrapping refuse input, with the exact message. Several key blocks are the
 * error cases published in psec tests/test_tr31.py (test_kb_unwrap_exceptions, KBPK "E" * 16,
 * https://github.com/knovichikhin/psec/blob/392840f36c89749ae7f13f8fdfb3b4f4153f0a69/tests/test_tr31.py)
 * and moov-io/tr31 (Test_invalid_enctript_key_uwrap,
 * https://github.com/moov-io/tr31/blob/d5b21361079eb7c32b655fd90fcc0943fc3bf207/pkg/tr31/tr31_test.go).
 */
class Tr31BadInputTest {

    private static final byte[] KBPK_E16 = "EEEEEEEEEEEEEEEE".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AES_KBPK = Hex.decode("88E1AB2A2E3DD38C1FA039A536500CC8A87AB9D62DC92C01058FA79F44657DE6");
    private static final String PSEC_A = "A0088M3TC00E000062C2C14D8785A01A9E8283525CA96F490D0CC6346FC7C2AC1E6FF3544689"
            + "10379AA5BBA6";

    static Stream<Arguments> unusableKeyBlockProtectionKeys() {
        return Stream.of(
                arguments(KeyBlockVersion.A, 8, "version A needs a TDES key block protection key of 16 or 24 bytes, not 8"),
                arguments(KeyBlockVersion.B, 32, "version B needs a TDES key block protection key of 16 or 24 bytes, not 32"),
                arguments(KeyBlockVersion.C, 0, "version C needs a TDES key block protection key of 16 or 24 bytes, not 0"),
                arguments(KeyBlockVersion.D, 8, "version D needs an AES key block protection key of 16, 24 or 32 bytes, not 8"),
                arguments(KeyBlockVersion.D, 20, "version D needs an AES key block protection key of 16, 24 or 32 bytes, not 20"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("unusableKeyBlockProtectionKeys")
    void rejectsAKeyBlockProtectionKeyOfTheWrongLengthForItsVersion(KeyBlockVersion version, int length,
                                                                     String message) {
        assertThatThrownBy(() -> Tr31KeyBlockProtectionKey.of(version, new byte[length]))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static Stream<Arguments> unwrappableInputs() {
        return Stream.of(
                arguments("B0016P0TE00N0000", 16, null, "header version B does not match this key block protection key's"
                        + " version D"),
                arguments("D0016S0RS00N0000", 16, null, "header algorithm R is not D, T or A: only DES, TDES and AES keys"
                        + " are wrapped"),
                arguments("D0016P0TE00N0000", 15, null, "key of 15 bytes does not fit header algorithm T (TDES)"),
                arguments("D0016P0TE00N0000", 8, null, "key of 8 bytes does not fit header algorithm T (TDES)"),
                arguments("D0016P0DE00N0000", 16, null, "key of 16 bytes does not fit header algorithm D (DES)"),
                arguments("D0016P0AE00N0000", 20, null, "key of 20 bytes does not fit header algorithm A (AES)"),
                arguments("D0016P0AE00N0000", 16, 5, "pad of 5 bytes leaves 23 bytes of key data, not a multiple of the"
                        + " 16-byte cipher block"),
                arguments("D0000P0TE00N0200KS1800604B120F9292800000PB04", 16, null, "header with a padding block is 44"
                        + " characters, not a multiple of the 16-byte cipher block"),
                arguments("D0000P0TE00N0100T1000226F0" + "P".repeat(9958), 16, null,
                        "key block of 10080 characters would pass the 9999 its length field can hold"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("unwrappableInputs")
    void rejectsAWrapThatCannotMakeAValidKeyBlock(String header, int keyLength, Integer padLength, String message) {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.D, AES_KBPK);
        Tr31Header parsed = Tr31Header.parse(header);
        byte[] pad = padLength == null ? null : new byte[padLength];

        assertThatThrownBy(() -> kbpk.wrap(parsed, new byte[keyLength], pad))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    static Stream<Arguments> malformedKeyBlocks() {
        return Stream.of(
                arguments(KeyBlockVersion.A, "", "key block is empty"),
                arguments(KeyBlockVersion.A, "A0005", "header must be at least 16 characters, not 5"),
                arguments(KeyBlockVersion.A, "X0072P0TE00E0000", "header version ID must be A, B, C or D"),
                arguments(KeyBlockVersion.A, "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B8A248E",
                        "key block version B does not match this key block protection key's version A"),
                arguments(KeyBlockVersion.B, "B0040P0TE00N0000", "header length field says 40 but the key block has 16"
                        + " characters"),
                arguments(KeyBlockVersion.B, "BX040P0TE00N0000", "header length field must be 4 decimal digits"),
                arguments(KeyBlockVersion.A, "A0087M3TC00E000062C2C14D8785A01A9E8283525CA96F490D0CC6346FC7C2AC1E6FF3544689"
                        + "10379AA5BBA", "encrypted key data must be a non-empty multiple of 16 hexadecimal digits, not 63"),
                arguments(KeyBlockVersion.A, "A0024M3TC00E00009AA5BBA6", "encrypted key data must be a non-empty multiple"
                        + " of 16 hexadecimal digits, not 0"),
                arguments(KeyBlockVersion.B, "B0032M3TC00E0000FFFFFFFF9AA5BBA6", "encrypted key data must be a non-empty"
                        + " multiple of 16 hexadecimal digits, not 0"),
                arguments(KeyBlockVersion.A, "A0088M3TC00E000062C2C14D8785A01A9E8283525CA96F490D0CC6346FC7C2AC1E6FF35446"
                        + "89103X9AA5BBA6", "key block has a non-hexadecimal character at position 80"),
                arguments(KeyBlockVersion.A, "A0088M3TC00E000062C2C14D8785A01A9E8283525CA96F490D0CC6346FC7C2AC1E6FF35446"
                        + "8910379AA5BBAX", "key block has a non-hexadecimal character at position 88"),
                arguments(KeyBlockVersion.B, "B0088M3TC00E000062C2C14D8785A01A9E8283525CA96F490D0CC6346FC7C2AC1E6FF35X46"
                        + "8910379AA5BBA6", "encrypted key data must be a non-empty multiple of 16 hexadecimal digits,"
                        + " not 56"),
                arguments(KeyBlockVersion.B, "B0080P0TE00E000094B420079CC80BA3X61F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B"
                        + "8A248E", "key block has a non-hexadecimal character at position 33"),
                arguments(KeyBlockVersion.B, "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B"
                        + "8A248g", "key block has a non-hexadecimal character at position 80"),
                arguments(KeyBlockVersion.A, "A0024M3TC00E0100TT04BBA6", "header of 20 characters is not a multiple of the"
                        + " 8-byte cipher block"),
                arguments(KeyBlockVersion.B, "B0032P0TE00N0100KS1Y00000000000000", "optional block 1 (KS) length must be 2"
                        + " hexadecimal digits"),
                arguments(KeyBlockVersion.B, "B0056S0RS00N00000000000000000000000000000000000000000000", "header"
                        + " algorithm R is not D, T or A: only DES, TDES and AES keys are wrapped"),
                arguments(KeyBlockVersion.A, "A0056M3TC00E0000ABE3EB7813FD4031BCBAEC1FCAB750BB920E4863", "decrypted key"
                        + " length field must be a non-zero multiple of 8 bits, not 0"),
                arguments(KeyBlockVersion.B, "B0064M3TC00E000013F1B06566ECAE897A6DF8C7AA651FCEF9480447EEEC9933",
                        "decrypted key length field must be a non-zero multiple of 8 bits, not 0"),
                arguments(KeyBlockVersion.C, "C0056M3TC00E0000629D73329F5F42D868B2EB1E4C52D1E191BC1D3C", "decrypted key"
                        + " length field must be a non-zero multiple of 8 bits, not 0"),
                arguments(KeyBlockVersion.D, "D0080M3TC00E000007E81A7F29A870D4A0CD5AB27E9FEC4A8863E879B11EA3A0ADA406AD2"
                        + "6D35B2F", "decrypted key length field must be a non-zero multiple of 8 bits, not 3"),
                arguments(KeyBlockVersion.A, "A0056M3TC00E0000EF14FD71CFCDCE0630AD5C1CDE0041DCF95CF1D0", "decrypted key"
                        + " length field says 16 bytes but only 14 bytes of key data follow"),
                arguments(KeyBlockVersion.B, "B0064M3TC00E00000398DC96A5DDB0EF61E26F8935173BD478DF9484050A672A",
                        "decrypted key length field says 16 bytes but only 14 bytes of key data follow"),
                arguments(KeyBlockVersion.C, "C0056M3TC00E000001235EC22408B6CE866746FF992B8707FD7A26D2", "decrypted key"
                        + " length field says 16 bytes but only 14 bytes of key data follow"),
                arguments(KeyBlockVersion.D, "D0112P0AE00E00000DC02E4C2B63120403CC732FB1B17E6D44138E7C341AE7368DEAD6FB4"
                        + "673F25ECFD803F1101F701A7FE8BD3516D3D1BF", "decrypted key length field says 32 bytes but only 30"
                        + " bytes of key data follow"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("malformedKeyBlocks")
    void reportsAMalformedKeyBlockNamingWhatIsWrong(KeyBlockVersion version, String keyBlock, String reason) {
        Tr31Unwrapping result = Tr31KeyBlockProtectionKey.of(version, KBPK_E16).unwrap(keyBlock);

        assertThat(result).isEqualTo(new Tr31Unwrapping.Malformed(reason));
    }

    @Test
    void reportsAKeyTooShortForItsHeaderAlgorithmAfterTheMacVerifies() {
        Tr31KeyBlockProtectionKey kbpk = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.A,
                Hex.decode("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBB"));

        assertThat(kbpk.unwrap(PSEC_A)).isEqualTo(new Tr31Unwrapping.Malformed(
                "decrypted key of 8 bytes does not fit header algorithm T (TDES)"));
    }

    @Test
    void conveniencesReportAnEmptyBlockAndAnUnknownVersion() {
        assertThat(Tr31KeyBlocks.unwrap(KBPK_E16, "")).isEqualTo(new Tr31Unwrapping.Malformed("key block is empty"));
        assertThat(Tr31KeyBlocks.unwrap(KBPK_E16, "E0084B0TV16N0000B2AE5E26BBA7F246E84D5EA24167E208A6B66EF2E27E55A52D"
                + "B52F0AEACB94C57547")).isEqualTo(new Tr31Unwrapping.Malformed("header version ID must be A, B, C or D"));
    }

    static Stream<Arguments> blocksWithAWrongMac() {
        return Stream.of(
                arguments(KeyBlockVersion.A, "A0056M3TC00E0000BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB9AA5BBA6"),
                arguments(KeyBlockVersion.B, "B0064M3TC00E0000BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBFFFFFFFF9AA5BBA6"),
                arguments(KeyBlockVersion.C, "C0056M3TC00E0000BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB9AA5BBA6"),
                arguments(KeyBlockVersion.D, "D0112P0AE00E0000DDF7B73888F22B757600010215895621B94A4E8DA57DD3E01BB66FF0"
                        + "46A4E6B89B8F5C30BDD3A946205FDF791C3548E4"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("blocksWithAWrongMac")
    void reportsAMacMismatchForAPublishedBlockWhoseMacDoesNotVerify(KeyBlockVersion version, String keyBlock) {
        assertThat(Tr31KeyBlockProtectionKey.of(version, KBPK_E16).unwrap(keyBlock))
                .isEqualTo(new Tr31Unwrapping.MacMismatch());
    }

    static Stream<Vector> vectors() {
        return KnownAnswerVectors.of("tr31");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void reportsAMacMismatchWhenAnyProtectedCharacterIsChanged(Vector v) {
        String published = v.expected("key_block");
        byte[] kbpk = Hex.decode(v.input("kbpk"));
        int headerLength = Tr31Header.parse(v.input("header")).encodedLength();
        int[] positions = {8, 10, headerLength, (headerLength + published.length()) / 2, published.length() - 1};

        for (int position : positions) {
            char[] chars = published.toCharArray();
            chars[position] = changed(chars[position], position == 8);
            assertThat(Tr31KeyBlocks.unwrap(kbpk, new String(chars))).as("character %d changed", position + 1)
                    .isEqualTo(new Tr31Unwrapping.MacMismatch());
        }
    }

    /** Another valid character: a different mode of use, or a different hexadecimal digit. */
    private static char changed(char c, boolean modeOfUse) {
        if (modeOfUse) {
            return c == 'N' ? 'E' : 'N';
        }
        return c == '0' ? '1' : '0';
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void neverShowsTheKeyOrTheKeyBlockProtectionKeyInText(Vector v) {
        byte[] kbpk = Hex.decode(v.input("kbpk"));
        String keyBlock = v.expected("key_block");
        Tr31KeyBlockProtectionKey prepared = Tr31KeyBlockProtectionKey.of(KeyBlockVersion.ofCode(keyBlock.charAt(0)),
                kbpk);

        Tr31Unwrapping unwrapped = prepared.unwrap(keyBlock);

        assertThat(unwrapped.toString()).doesNotContain(v.input("key")).doesNotContainIgnoringCase(
                Hex.encode(Arrays.copyOf(Hex.decode(v.input("key")), 4)));
        assertThat(unwrapped.toString()).contains(Hex.decode(v.input("key")).length + " bytes");
        assertThat(prepared.toString()).doesNotContainIgnoringCase(v.input("kbpk").substring(0, 8));
    }
}
