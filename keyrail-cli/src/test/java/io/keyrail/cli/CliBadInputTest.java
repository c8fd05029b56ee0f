package io.keyrail.cli;

import static io.keyrail.cli.BadInput.refused;
import static io.keyrail.cli.BadInput.usage;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.TestFactory;

/**
 * Bad input to every crypto command, each with the exact line it gets: a non-zero exit, nothing on
 * stdout, one stderr line naming the option at fault, no stack trace, and none of the key, PIN,
 * PAN or block values anywhere in that line.
 */
class CliBadInputTest {

    private static final String K2 = "0123456789ABCDEFFEDCBA9876543210";
    private static final String K1 = "0123456789ABCDEF";
    private static final String PAN = "4012345678909";
    private static final String MSG = "4E6F77206973207468652074696D6520";

    static Stream<BadInput> kcv() {
        return Stream.of(
                usage("odd-length hex", "--key", "--key has an odd number of hexadecimal digits (31)",
                        "crypto", "kcv", "--key", K2.substring(1)),
                usage("non-hex character", "--key", "--key has a non-hexadecimal character at position 32",
                        "crypto", "kcv", "--key", K2.substring(0, 31) + "G"),
                usage("empty key", "--key", "--key is empty: expected hexadecimal digits",
                        "crypto", "kcv", "--key", ""),
                usage("12-byte key, algorithm by length", "--key", "--key must be 8, 16, 24 or 32 bytes, not 12",
                        "crypto", "kcv", "--key", K2.substring(0, 24)),
                usage("12-byte tdes key", "--key", "--key: a TDES key must be 16 or 24 bytes, not 12",
                        "crypto", "kcv", "--key", K2.substring(0, 24), "--algorithm", "tdes"),
                usage("8-byte tdes key", "--key", "--key: a TDES key must be 16 or 24 bytes, not 8",
                        "crypto", "kcv", "--key", K1, "--algorithm", "tdes"),
                usage("16-byte des key", "--key", "--key: a DES key must be 8 bytes, not 16",
                        "crypto", "kcv", "--key", K2, "--algorithm", "des"),
                usage("8-byte aes key", "--key", "--key: an AES key must be 16, 24 or 32 bytes, not 8",
                        "crypto", "kcv", "--key", K1, "--algorithm", "aes"),
                usage("unknown algorithm", "--algorithm", "invalid value for --algorithm: expected des, tdes or aes",
                        "crypto", "kcv", "--key", K2, "--algorithm", "sm4"),
                usage("unknown method", "--method", "invalid value for --method: expected zeros or cmac",
                        "crypto", "kcv", "--key", K2, "--method", "ecb"),
                usage("cmac of a des key", "--method", "--method cmac needs a TDES or AES key, not DES",
                        "crypto", "kcv", "--key", K1, "--method", "cmac"),
                usage("length 0", "--length", "--length must be 1 to 8 bytes, not 0",
                        "crypto", "kcv", "--key", K2, "--length", "0"),
                usage("length 9 for tdes", "--length", "--length must be 1 to 8 bytes, not 9",
                        "crypto", "kcv", "--key", K2, "--length", "9"),
                usage("length 17 for aes", "--length", "--length must be 1 to 16 bytes, not 17",
                        "crypto", "kcv", "--key", K2 + K2, "--length", "17"),
                usage("length not a number", "--length", "invalid value for --length: expected a whole number",
                        "crypto", "kcv", "--key", K2, "--length", "three"),
                usage("missing key", "--key", "Missing required option: '--key=HEX'",
                        "crypto", "kcv", "--algorithm", "tdes"),
                usage("key without a value", "--key", "Missing required parameter for option '--key' (HEX)",
                        "crypto", "kcv", "--key"),
                usage("unknown option carrying a key", "--kee", "unknown option --kee (see --help)",
                        "crypto", "kcv", "--key", K2, "--kee=" + K2),
                usage("key given twice", "--key", "option '--key' (HEX) should be specified only once",
                        "crypto", "kcv", "--key", K2, "--key", K1));
    }

    static Stream<BadInput> pinBlock() {
        List<String> encode0 = List.of("crypto", "pin-block", "encode", "--format", "0");
        return Stream.of(
                usage("PIN of 3 digits", "--pin", "--pin: PIN must be 4 to 12 digits, not 3",
                        with(encode0, "--pin", "123", "--pan", PAN)),
                usage("PIN of 13 digits", "--pin", "--pin: PIN must be 4 to 12 digits, not 13",
                        with(encode0, "--pin", "1234567890123", "--pan", PAN)),
                usage("PIN with a letter", "--pin", "--pin: PIN must be decimal digits",
                        with(encode0, "--pin", "12A4", "--pan", PAN)),
                usage("PAN with a letter", "--pan", "--pan: PAN must be decimal digits",
                        with(encode0, "--pin", "1234", "--pan", "4012345678A09")),
                usage("PAN of 12 digits for format 0", "--pan", "--pan: PAN must be 13 to 19 digits for format 0, not 12",
                        with(encode0, "--pin", "1234", "--pan", "401234567890")),
                usage("format 5", "--format", "--format: unknown PIN block format 5: expected 0, 1, 2, 3 or 4",
                        "crypto", "pin-block", "encode", "--format", "5", "--pin", "1234", "--pan", PAN),
                usage("format not a number", "--format", "invalid value for --format: expected a whole number",
                        "crypto", "pin-block", "encode", "--format", "iso0", "--pin", "1234", "--pan", PAN),
                usage("missing format", "--format", "Missing required option: '--format=0|1|2|3|4'",
                        "crypto", "pin-block", "encode", "--pin", "1234", "--pan", PAN),
                usage("missing PIN", "--pin", "Missing required option: '--pin=DIGITS'",
                        with(encode0, "--pan", PAN)),
                usage("format 0 without PAN", "--pan", "--pan is required for format 0",
                        with(encode0, "--pin", "1234")),
                usage("format 3 without PAN", "--pan", "--pan is required for format 3",
                        "crypto", "pin-block", "encode", "--format", "3", "--pin", "1234", "--fill", "ABCDEFABCD"),
                usage("format 4 with a key and no PAN", "--pan", "--pan is required for format 4",
                        "crypto", "pin-block", "encode", "--format", "4", "--pin", "1234", "--key", K2),
                usage("fill for format 0", "--fill", "--fill: format 0 takes no fill",
                        with(encode0, "--pin", "1234", "--pan", PAN, "--fill", "FFFFFFFFFF")),
                usage("fill for format 2", "--fill", "--fill: format 2 takes no fill",
                        "crypto", "pin-block", "encode", "--format", "2", "--pin", "1234", "--fill", "FFFFFFFFFF"),
                usage("format 1 fill too short", "--fill", "--fill: fill must be 10 hexadecimal digits, not 4",
                        "crypto", "pin-block", "encode", "--format", "1", "--pin", "1234", "--fill", "9876"),
                usage("format 1 fill not hex", "--fill", "--fill: fill must be hexadecimal digits",
                        "crypto", "pin-block", "encode", "--format", "1", "--pin", "1234", "--fill", "98765432XY"),
                usage("format 3 fill with a digit", "--fill", "--fill: format 3 fill must be A-F",
                        "crypto", "pin-block", "encode", "--format", "3", "--pin", "1234", "--pan", PAN,
                        "--fill", "ABCDEFABC1"),
                usage("format 4 fill of 8 digits", "--fill", "--fill: fill must be 16 hexadecimal digits, not 8",
                        "crypto", "pin-block", "encode", "--format", "4", "--pin", "1234", "--fill", "2F69ADDE"),
                usage("12-byte TDES key", "--key", "--key: format 0 needs a TDES key of 16 or 24 bytes, not 12",
                        with(encode0, "--pin", "1234", "--pan", PAN, "--key", K2.substring(0, 24))),
                usage("single-DES key for format 0", "--key", "--key: format 0 needs a TDES key of 16 or 24 bytes, not 8",
                        with(encode0, "--pin", "1234", "--pan", PAN, "--key", K1)),
                usage("AES-256 key for format 0", "--key", "--key: format 0 needs a TDES key of 16 or 24 bytes, not 32",
                        with(encode0, "--pin", "1234", "--pan", PAN, "--key", K2 + K2)),
                usage("DES key for format 4", "--key",
                        "--key: format 4 needs an AES key of 16, 24 or 32 bytes, not 8",
                        "crypto", "pin-block", "encode", "--format", "4", "--pin", "1234", "--pan", "4111111111111111",
                        "--fill", "2F69ADDE2E9E7ACE", "--key", K1),
                usage("key with odd hex", "--key", "--key has an odd number of hexadecimal digits (31)",
                        with(encode0, "--pin", "1234", "--pan", PAN, "--key", K2.substring(1))));
    }

    static Stream<BadInput> pinBlockDecode() {
        List<String> decode0 = List.of("crypto", "pin-block", "decode", "--format", "0");
        return Stream.of(
                refused("malformed clear block", "--block", "--block does not decode to a well-formed format 0 PIN block",
                        with(decode0, "--block", "F41274EDCBA9876F", "--pan", PAN)),
                refused("block under the wrong key", "--block",
                        "--block does not decode to a well-formed format 0 PIN block",
                        with(decode0, "--block", "1B9C1845EB993A7A", "--pan", PAN, "--key", K2)),
                refused("malformed format 2 block", "--block",
                        "--block does not decode to a well-formed format 2 PIN block",
                        "crypto", "pin-block", "decode", "--format", "2", "--block", "2F1234FFFFFFFFFF"),
                usage("block of 4 bytes", "--block", "--block: a format 0 block is 8 bytes, not 4",
                        with(decode0, "--block", "041274ED", "--pan", PAN)),
                usage("format 4 block of 8 bytes", "--block", "--block: a format 4 block is 16 bytes, not 8",
                        "crypto", "pin-block", "decode", "--format", "4", "--block", "041274EDCBA9876F",
                        "--pan", PAN, "--key", K2),
                usage("block not hex", "--block", "--block has a non-hexadecimal character at position 16",
                        with(decode0, "--block", "041274EDCBA9876Z", "--pan", PAN)),
                usage("missing block", "--block", "Missing required option: '--block=HEX'",
                        with(decode0, "--pan", PAN)),
                usage("format 0 without PAN", "--pan", "--pan is required for format 0",
                        with(decode0, "--block", "041274EDCBA9876F")),
                usage("PAN with a letter", "--pan", "--pan: PAN must be decimal digits",
                        with(decode0, "--block", "041274EDCBA9876F", "--pan", "40123456789X9")),
                usage("a PIN to decode", "--pin", "unknown option --pin (see --help)",
                        with(decode0, "--block", "041274EDCBA9876F", "--pan", PAN, "--pin", "1234")));
    }

    static Stream<BadInput> pinTranslate() {
        return Stream.of(
                refused("ISO 0 to ISO 1", "--to-format",
                        "--to-format: PCI PIN 3-3 forbids translating format 0 into format 1",
                        translate("0", "1B9C1845EB993A7A", K2, "1", K2, "--fill", "0123456789")),
                refused("ISO 0 to ISO 2", "--to-format",
                        "--to-format: PCI PIN 3-3 forbids translating format 0 into format 2",
                        translate("0", "1B9C1845EB993A7A", K2, "2", K2)),
                refused("ISO 3 to ISO 1", "--to-format",
                        "--to-format: PCI PIN 3-3 forbids translating format 3 into format 1",
                        translate("3", "1B9C1845EB993A7A", K2, "1", K2)),
                refused("ISO 4 to ISO 2", "--to-format",
                        "--to-format: PCI PIN 3-3 forbids translating format 4 into format 2",
                        translate("4", "A912150391AB65A67E52883D81CE2D15", K2, "2", K2)),
                refused("source block under another key", "--block",
                        "--block does not decrypt to a well-formed format 0 PIN block",
                        translate("0", "1B9C1845EB993A7A", K2, "0", K2)),
                usage("unknown source format", "--from-format",
                        "--from-format: unknown PIN block format 7: expected 0, 1, 2, 3 or 4",
                        translate("7", "1B9C1845EB993A7A", K2, "0", K2)),
                usage("8-byte source key", "--from-key", "--from-key: format 0 needs a TDES key of 16 or 24 bytes, not 8",
                        translate("0", "1B9C1845EB993A7A", K1, "0", K2)),
                usage("TDES destination key too short for format 4", "--to-key",
                        "--to-key: format 4 needs an AES key of 16, 24 or 32 bytes, not 8",
                        translate("0", "1B9C1845EB993A7A", K2, "4", K1)),
                usage("source block of 16 bytes for format 0", "--block", "--block: a format 0 block is 8 bytes, not 16",
                        translate("0", "A912150391AB65A67E52883D81CE2D15", K2, "0", K2)),
                usage("fill for format 0", "--fill", "--fill: destination format 0 takes no fill",
                        translate("0", "1B9C1845EB993A7A", K2, "0", K2, "--fill", "ABCDEFABCD")),
                usage("format 3 fill with a digit", "--fill", "--fill: destination format 3 fill must be A-F",
                        translate("0", "1B9C1845EB993A7A", K2, "3", K2, "--fill", "ABCDEFABC1")),
                usage("PAN with a letter", "--pan", "--pan: PAN must be decimal digits",
                        "crypto", "pin-translate", "--pan", "40123456789X9", "--block", "1B9C1845EB993A7A",
                        "--from-key", K2, "--from-format", "0", "--to-key", K2, "--to-format", "0"),
                usage("missing PAN", "--pan", "Missing required option: '--pan=DIGITS'",
                        "crypto", "pin-translate", "--block", "1B9C1845EB993A7A",
                        "--from-key", K2, "--from-format", "0", "--to-key", K2, "--to-format", "0"));
    }

    static Stream<BadInput> mac() {
        return Stream.of(
                usage("unknown algorithm", "--algorithm", "invalid value for --algorithm: expected iso9797-1-alg1, "
                        + "iso9797-1-alg3, x9.9, x9.19, aes-cmac, tdes-cmac or cup-ecb",
                        "crypto", "mac", "--algorithm", "hmac-sha256", "--key", K2, "--data", MSG),
                usage("odd-length data", "--data", "--data has an odd number of hexadecimal digits (7)",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2, "--data", "4E6F772"),
                usage("data not hex", "--data", "--data has a non-hexadecimal character at position 2",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2, "--data", "4G"),
                usage("X9.19 with an 8-byte key", "--key", "--key: ANSI X9.19 key must be 16 bytes (K||K'), not 8",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K1, "--data", MSG),
                usage("X9.9 with a 16-byte key", "--key", "--key: ANSI X9.9 key must be 8 bytes, not 16",
                        "crypto", "mac", "--algorithm", "x9.9", "--key", K2, "--data", MSG),
                usage("algorithm 3 with a 24-byte key", "--key",
                        "--key: ISO 9797-1 MAC algorithm 3 key must be 16 bytes (K||K'), not 24",
                        "crypto", "mac", "--algorithm", "iso9797-1-alg3", "--key", K2 + K1, "--data", MSG),
                usage("AES-CMAC with an 8-byte key", "--key", "--key: AES-CMAC key must be 16, 24 or 32 bytes, not 8",
                        "crypto", "mac", "--algorithm", "aes-cmac", "--key", K1, "--data", MSG),
                usage("TDES-CMAC with an 8-byte key", "--key", "--key: TDES-CMAC key must be 16 or 24 bytes, not 8",
                        "crypto", "mac", "--algorithm", "tdes-cmac", "--key", K1, "--data", MSG),
                usage("CUP ECB with a 24-byte key", "--key", "--key: CUP POS ECB MAC key must be 8 or 16 bytes, not 24",
                        "crypto", "mac", "--algorithm", "cup-ecb", "--key", K2 + K1, "--data", MSG),
                usage("padding 4", "--padding", "--padding: unknown padding method 4: expected 1, 2 or 3",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2, "--data", MSG, "--padding", "4"),
                usage("padding 0", "--padding", "--padding: unknown padding method 0: expected 1, 2 or 3",
                        "crypto", "mac", "--algorithm", "iso9797-1-alg1", "--key", K2, "--data", MSG, "--padding", "0"),
                usage("length 0", "--length", "--length must be 1 to 8 bytes, not 0",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2, "--data", MSG, "--length", "0"),
                usage("length 9 for X9.19", "--length", "--length must be 1 to 8 bytes, not 9",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2, "--data", MSG, "--length", "9"),
                usage("length 17 for AES-CMAC", "--length", "--length must be 1 to 16 bytes, not 17",
                        "crypto", "mac", "--algorithm", "aes-cmac", "--key", K2, "--data", MSG, "--length", "17"),
                usage("missing data", "--data", "Missing required option: '--data=HEX'",
                        "crypto", "mac", "--algorithm", "x9.19", "--key", K2),
                usage("missing algorithm", "--algorithm", "Missing required option: '--algorithm=ALG'",
                        "crypto", "mac", "--key", K2, "--data", MSG));
    }

    static Stream<BadInput> tr31() {
        List<BadInput> cases = new ArrayList<>();
        for (String version : List.of("A", "B", "C", "D")) {
            Vector v = KnownAnswerVectors.of("tr31", "TR-31 version " + version).findFirst().orElseThrow();
            String block = v.expected("key_block");
            String flipped = block.substring(0, block.length() - 1) + (block.endsWith("0") ? "1" : "0");
            cases.add(refused("version " + version + " block with its MAC changed", "--block",
                    "--block: the key block's MAC does not verify under --kbpk",
                    "crypto", "tr31", "unwrap", "--kbpk", v.input("kbpk"), "--block", flipped));
        }
        String block = "B0080P0TE00E000094B420079CC80BA3461F86FE26EFC4A3B8E4FA4C5F5341176EED7B727B8A248E";
        String kbpk = "DD7515F2BFC17F85CE48F3CA25CB21F6";
        cases.addAll(List.of(
                usage("header of 11 characters", "--header", "--header: header must be at least 16 characters, not 11",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B0000P0TE00", "--key", K2),
                usage("header version Z", "--header", "--header: header version ID must be A, B, C or D",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "Z0000P0TE00E0000", "--key", K2),
                usage("header length not digits", "--header", "--header: header length field must be 4 decimal digits",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B00X0P0TE00E0000", "--key", K2),
                usage("header algorithm X", "--header",
                        "--header: header algorithm X is not D, T or A: only DES, TDES and AES keys are wrapped",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B0000P0XE00E0000", "--key", K2),
                usage("version B with a 1-byte KBPK", "--kbpk",
                        "--kbpk: version B needs a TDES key block protection key of 16 or 24 bytes, not 1",
                        "crypto", "tr31", "wrap", "--kbpk", "00", "--header", "B0000P0TE00E0000", "--key", K2),
                usage("version D with an 8-byte KBPK", "--kbpk",
                        "--kbpk: version D needs an AES key block protection key of 16, 24 or 32 bytes, not 8",
                        "crypto", "tr31", "wrap", "--kbpk", K1, "--header", "D0000P0AE00E0000", "--key", K2),
                usage("2-byte TDES key", "--key", "--key: key of 2 bytes does not fit header algorithm T (TDES)",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B0000P0TE00E0000", "--key", "0011"),
                usage("pad off the block boundary", "--pad",
                        "--pad: pad of 1 bytes leaves 19 bytes of key data, not a multiple of the 8-byte cipher block",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B0000P0TE00E0000", "--key", K2, "--pad", "AB"),
                usage("key with odd hex", "--key", "--key has an odd number of hexadecimal digits (31)",
                        "crypto", "tr31", "wrap", "--kbpk", K2, "--header", "B0000P0TE00E0000", "--key", K2.substring(1)),
                usage("unwrap version Z", "--block", "--block: header version ID must be A, B, C or D",
                        "crypto", "tr31", "unwrap", "--kbpk", kbpk, "--block", "Z" + block.substring(1)),
                usage("unwrap truncated block", "--block",
                        "--block: header length field says 80 but the key block has 70 characters",
                        "crypto", "tr31", "unwrap", "--kbpk", kbpk, "--block", block.substring(0, 70)),
                usage("unwrap with a 1-byte KBPK", "--kbpk",
                        "--kbpk: version B needs a TDES key block protection key of 16 or 24 bytes, not 1",
                        "crypto", "tr31", "unwrap", "--kbpk", "00", "--block", block),
                usage("unwrap with an odd-hex KBPK", "--kbpk", "--kbpk has an odd number of hexadecimal digits (31)",
                        "crypto", "tr31", "unwrap", "--kbpk", kbpk.substring(1), "--block", block),
                usage("unwrap without a block", "--block", "Missing required option: '--block=BLOCK'",
                        "crypto", "tr31", "unwrap", "--kbpk", kbpk)));
        return cases.stream();
    }

    static Stream<BadInput> commandLine() {
        return Stream.of(
                usage("unknown command", "nothing", "unknown command 'nothing' (see --help)", "crypto", "nothing"),
                usage("second value after --key", "--key",
                        "unexpected argument after the value of --key: each option takes one value (see --help)",
                        "crypto", "kcv", "--key", K2, K2),
                usage("bare key", "kcv", "unexpected argument after kcv: options take the form --name VALUE (see --help)",
                        "crypto", "kcv", K2, "--key", K2),
                usage("unknown option with a block", "--blok", "unknown option --blok (see --help)",
                        "crypto", "pin-block", "decode", "--format", "0", "--pan", PAN, "--block", "041274EDCBA9876F",
                        "--blok=041274EDCBA9876F"));
    }

    @TestFactory
    Stream<DynamicContainer> refusesBadOrForbiddenInputWithOneLineThatNamesTheOptionAndNoValue() {
        return CliTables.judgingEachRunBy(CliBadInputTest::assertRefused)
                .table("kcv", kcv())
                .table("pin-block encode", pinBlock())
                .table("pin-block decode", pinBlockDecode())
                .table("pin-translate", pinTranslate())
                .table("mac", mac())
                .table("tr31", tr31())
                .table("command line", commandLine())
                .tests();
    }

    private static void assertRefused(BadInput input, CliRun run) {
        assertThat(run.status()).as("exit status (stderr: %s)", run.err()).isEqualTo(input.status());
        assertThat(run.out()).as("stdout").isEmpty();
        assertThat(run.errLines()).as("stderr lines").hasSize(1);
        String line = run.errLines().get(0);
        assertThat(line).isEqualTo("keyrail: " + input.message());
        assertThat(line).contains(input.option()).doesNotContain("Exception", "\tat ");
        for (String secret : input.secrets()) {
            assertThat(line).as("stderr must not carry an input value").doesNotContainIgnoringCase(secret);
        }
    }

    private static String[] with(List<String> head, String... tail) {
        List<String> args = new ArrayList<>(head);
        args.addAll(List.of(tail));
        return args.toArray(String[]::new);
    }

    private static String[] translate(String from, String block, String fromKey, String to, String toKey,
                                       String... more) {
        return with(List.of("crypto", "pin-translate", "--pan", PAN, "--block", block, "--from-key", fromKey,
                "--from-format", from, "--to-key", toKey, "--to-format", to), more);
    }
}
