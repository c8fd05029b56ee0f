package io.keyrail.hsm.crypto.tr31;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TR-31:2018 A.5 header fields and optional blocks: reading, writing and rejecting. */
class Tr31HeaderTest {

    private static final String KSN = "00604B120F9292800000";

    @Test
    void readsTheFixedFieldsOfAHeaderWithoutOptionalBlocks() {
        Tr31Header header = Tr31Header.parse("C0096B0TX12S0000");

        assertThat(header.version()).isEqualTo(KeyBlockVersion.C);
        assertThat(header.keyUsage()).isEqualTo("B0");
        assertThat(header.usage()).isEqualTo(KeyUsage.B0);
        assertThat(header.keyAlgorithm()).isEqualTo(KeyAlgorithm.TDES);
        assertThat(header.mode()).isEqualTo(ModeOfUse.X);
        assertThat(header.keyVersionNumber()).isEqualTo("12");
        assertThat(header.exportabilityCode()).isEqualTo(Exportability.S);
        assertThat(header.reserved()).isEqualTo("00");
        assertThat(header.optionalBlocks()).isEmpty();
    }

    @Test
    void readsAKeySetIdentifierBlock() {
        Tr31Header header = Tr31Header.parse("B0104B0TX12S0100KS18" + KSN);

        assertThat(header.optionalBlocks()).containsExactly(new Tr31OptionalBlock("KS", KSN));
        assertThat(header.optionalBlock("KS")).map(Tr31OptionalBlock::data).contains(KSN);
        assertThat(header.optionalBlock("KC")).isEmpty();
    }

    @Test
    void readsCheckValueAndPaddingBlocks() {
        Tr31Header header = Tr31Header.parse("D0144P0TE00E0300KC0C0057C409KP10012331550BC9PB04");

        assertThat(header.optionalBlocks()).containsExactly(new Tr31OptionalBlock("KC", "0057C409"),
                new Tr31OptionalBlock("KP", "012331550BC9"), new Tr31OptionalBlock("PB", ""));
        assertThat(header.encodedLength()).isEqualTo(48);
    }

    @Test
    void readsATimeStampAndEmptyBlocks() {
        Tr31Header header = Tr31Header.parse("B0056P0TE00N0400KS18" + KSN + "T104T20600PB0600");

        assertThat(header.optionalBlocks()).extracting(Tr31OptionalBlock::id).containsExactly("KS", "T1", "T2", "PB");
        assertThat(header.optionalBlock("T1")).map(Tr31OptionalBlock::data).contains("");
        assertThat(header.optionalBlock("T2")).map(Tr31OptionalBlock::data).contains("00");
        assertThat(Tr31Header.parse("D0016P0TE00N0100TS1320200818004100Z").optionalBlock("TS"))
                .map(Tr31OptionalBlock::data).contains("20200818004100Z");
    }

    @Test
    void readsAndWritesTheExtendedLengthOfABlockLongerThan255Characters() {
        String text = "B0288P0TE00N0200KS0002010A" + "P".repeat(256) + "PB0600";

        Tr31Header header = Tr31Header.parse(text);

        assertThat(header.optionalBlock("KS")).map(Tr31OptionalBlock::data).contains("P".repeat(256));
        assertThat(header.optionalBlocks().getFirst().encodedLength()).isEqualTo(266);
        assertThat(header.encode(288)).isEqualTo(text);
    }

    @Test
    void rewritesAnExtendedLengthThatFitsTwoDigitsInTheShortForm() {
        Tr31Header header = Tr31Header.parse("B0048P0TE00N0200KS00011600604B120F9292PB0A000000");

        assertThat(header.optionalBlock("KS")).map(Tr31OptionalBlock::data).contains("00604B120F9292");
        assertThat(header.encode(44)).isEqualTo("B0044P0TE00N0200KS1200604B120F9292PB0A000000");
    }

    @Test
    void writesTheGivenTotalLengthIntoTheLengthField() {
        Tr31Header header = Tr31Header.of(KeyBlockVersion.D, KeyUsage.P0, KeyAlgorithm.AES, ModeOfUse.E,
                Exportability.E);

        assertThat(header.encode(112)).isEqualTo("D0112P0AE00E0000");
        assertThat(header.encode(7)).isEqualTo("D0007P0AE00E0000");
        assertThat(Tr31Header.parse("D9999P0AE00E0000")).isEqualTo(header);
    }

    @Test
    void rejectsATotalLengthTheFieldCannotHold() {
        Tr31Header header = Tr31Header.parse("D0112P0AE00E0000");

        assertThatThrownBy(() -> header.encode(10_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key block length must be 0 to 9999, not 10000");
    }

    @Test
    void padsAHeaderToTheCipherBlockWithAPaddingBlock() {
        Tr31Header header = Tr31Header.parse("D0000P0TE00N0100KS18" + KSN);

        assertThat(header.paddedTo(16).encode(48)).isEqualTo("D0048P0TE00N0200KS18" + KSN + "PB080000");
        assertThat(header.paddedTo(8)).isSameAs(header);
    }

    @Test
    void padsByAWholeExtraBlockWhenTheGapIsTooSmallForAPaddingBlock() {
        Tr31Header header = Tr31Header.parse("D0000P0TE00N0100KS0E0123456789");

        assertThat(header.paddedTo(16).encode(48))
                .isEqualTo("D0048P0TE00N0200KS0E0123456789PB12" + "0".repeat(14));
    }

    @Test
    void keepsCodesTheEnumsDoNotKnowButRefusesToMapThem() {
        Tr31Header header = Tr31Header.parse("D0016S0RS00N0000");

        assertThat(header.keyUsage()).isEqualTo("S0");
        assertThatThrownBy(header::usage).hasMessage("unsupported key usage 'S0'");
        assertThatThrownBy(header::keyAlgorithm).hasMessage("unknown key algorithm code 'R'");
    }

    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                arguments("", "header must be at least 16 characters, not 0"),
                arguments("B0000", "header must be at least 16 characters, not 5"),
                arguments("_0000P0TE00N0000", "header version ID must be A, B, C or D"),
                arguments("E0084B0TV16N0000", "header version ID must be A, B, C or D"),
                arguments("BX040P0TE00N0000", "header length field must be 4 decimal digits"),
                arguments("B0016P_TE00N0000", "header key usage must be 2 letters or digits"),
                arguments("B0016P0_E00N0000", "header algorithm must be a letter or digit"),
                arguments("B0016P0T_00N0000", "header mode of use must be a letter or digit"),
                arguments("B0016P0TE0_N0000", "header key version number must be 2 letters or digits"),
                arguments("B0016P0TE00_0000", "header exportability must be a letter or digit"),
                arguments("B0016P0TE00N0X00", "header optional block count must be 2 decimal digits"),
                arguments("B0016P0TE00N00_0", "header reserved field must be 2 letters or digits"),
                arguments("B0016P0TE00N0100", "optional block 1 is cut short: its ID and length need 4 characters,"
                        + " only 0 remain"),
                arguments("B0016P0TE00N0100KS", "optional block 1 is cut short: its ID and length need 4 characters,"
                        + " only 2 remain"),
                arguments("B0016P0TE00N0100**04", "optional block 1 ID must be 2 letters or digits"),
                arguments("B0016P0TE00N0100KS1Y", "optional block 1 (KS) length must be 2 hexadecimal digits"),
                arguments("B0016P0TE00N0100KS02", "optional block 1 (KS) length 2 does not cover its ID and length"
                        + " field"),
                arguments("B0016P0TE00N0100KS071", "optional block 1 (KS) length 7 runs past the end: only 5"
                        + " characters remain"),
                arguments("B0016P0TE00N0100KS00", "optional block 1 (KS) extended length must give its length of"
                        + " length as 2 hexadecimal digits"),
                arguments("B0016P0TE00N0100KS0000", "optional block 1 (KS) extended length of length must be 1 or 2"
                        + " bytes, not 0"),
                arguments("B0016P0TE00N0100KS0003000010", "optional block 1 (KS) extended length of length must be 1"
                        + " or 2 bytes, not 3"),
                arguments("B0016P0TE00N0100KS00010H", "optional block 1 (KS) extended length must be 2 hexadecimal"
                        + " digits"),
                arguments("B0016P0TE00N0100KS000101", "optional block 1 (KS) length 1 does not cover its ID and"
                        + " length field"),
                arguments("B0016P0TE00N0100KS0001FF", "optional block 1 (KS) length 255 runs past the end: only 8"
                        + " characters remain"),
                arguments("B0016P0TE00N0200KS04TT05", "optional block 2 (TT) length 5 runs past the end: only 4"
                        + " characters remain"),
                arguments("B0016P0TE00N0100KS05\u0003", "optional block 1 (KS) data must be printable ASCII"),
                arguments("B0016P0TE00N0000KS18" + KSN, "header has 24 characters after its last field"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformedHeaders")
    void rejectsAMalformedHeaderNamingTheField(String text, String message) {
        assertThatThrownBy(() -> Tr31Header.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                arguments("P", 'T', 'E', "00", 'N', "00", "header key usage must be 2 letters or digits"),
                arguments(null, 'T', 'E', "00", 'N', "00", "header key usage must be 2 letters or digits"),
                arguments("P0", '_', 'E', "00", 'N', "00", "header algorithm must be a letter or digit"),
                arguments("P0", 'T', ' ', "00", 'N', "00", "header mode of use must be a letter or digit"),
                arguments("P0", 'T', 'E', "000", 'N', "00", "header key version number must be 2 letters or digits"),
                arguments("P0", 'T', 'E', "00", '\u00c9', "00", "header exportability must be a letter or digit"),
                arguments("P0", 'T', 'E', "00", 'N', "0_", "header reserved field must be 2 letters or digits"));
    }

    @ParameterizedTest(name = "{6}")
    @MethodSource("invalidFields")
    void rejectsAnInvalidFieldNamingIt(String usage, char algorithm, char mode, String keyVersion, char exportability,
                                       String reserved, String message) {
        assertThatThrownBy(() -> new Tr31Header(KeyBlockVersion.B, usage, algorithm, mode, keyVersion, exportability,
                reserved, List.of())).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void rejectsMoreThan99OptionalBlocks() {
        List<Tr31OptionalBlock> blocks = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            blocks.add(new Tr31OptionalBlock(String.format("%02d", i), "PP"));
        }

        assertThatThrownBy(() -> new Tr31Header(KeyBlockVersion.B, "P0", 'T', 'E', "00", 'N', "00", blocks))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("header may carry at most 99 optional blocks, not 100");
    }

    static Stream<Arguments> invalidOptionalBlocks() {
        return Stream.of(
                arguments("K", "00", "optional block ID must be 2 letters or digits"),
                arguments("K_", "00", "optional block ID must be 2 letters or digits"),
                arguments("KS", "caf\u00e9", "optional block KS data must be printable ASCII"),
                arguments("KS", "line\n", "optional block KS data must be printable ASCII"),
                arguments("KS", "P".repeat(9974), "optional block KS data must be at most 9973 characters, not 9974"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("invalidOptionalBlocks")
    void rejectsAnInvalidOptionalBlock(String id, String data, String message) {
        assertThatThrownBy(() -> new Tr31OptionalBlock(id, data)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
