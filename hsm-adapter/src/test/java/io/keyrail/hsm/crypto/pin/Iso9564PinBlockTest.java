package io.keyrail.hsm.crypto.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class Iso9564PinBlockTest {

    private static final String PAN = "4012345678909";
    private static final BlockCipherKey TDES_KEY = key("0123456789ABCDEFFEDCBA987654321089ABCDEF01234567");
    private static final BlockCipherKey AES_KEY = BlockCipherKey.aes(Hex.decode(
            "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"));

    // ---- known answers (published vectors, each citing its source) ----------------------------

    static Stream<Vector> clearBlocks() {
        return KnownAnswerVectors.load("pinblock").stream().filter(v -> v.hasExpected("clear_block"));
    }

    static Stream<Vector> encipheredBlocks() {
        return KnownAnswerVectors.load("pinblock").stream().filter(v -> v.hasExpected("encrypted_block"));
    }

    static Stream<Vector> format4PinFields() {
        return KnownAnswerVectors.load("pinblock").stream().filter(v -> v.hasExpected("pin_field"));
    }

    static Stream<Vector> format4PanFields() {
        return KnownAnswerVectors.load("pinblock").stream().filter(v -> v.hasExpected("pan_field"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clearBlocks")
    void encodesEveryPublishedClearBlock(Vector v) {
        byte[] clear = Iso9564PinBlock.encodeClear(format(v), v.input("pin"), pan(v), fill(v));
        assertThat(Hex.encode(clear)).isEqualTo(v.expected("clear_block"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clearBlocks")
    void decodesEveryPublishedClearBlock(Vector v) {
        PinDecoding decoded = Iso9564PinBlock.decodeClear(format(v), Hex.decode(v.expected("clear_block")), pan(v));
        assertThat(decoded).isEqualTo(new PinDecoding.Decoded(v.input("pin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encipheredBlocks")
    void enciphersEveryPublishedBlock(Vector v) {
        byte[] block = Iso9564PinBlock.encipher(format(v), key(v), v.input("pin"), pan(v), fill(v));
        assertThat(Hex.encode(block)).isEqualTo(v.expected("encrypted_block"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encipheredBlocks")
    void deciphersEveryPublishedBlock(Vector v) {
        PinDecoding decoded = Iso9564PinBlock.decipher(format(v), key(v), Hex.decode(v.expected("encrypted_block")), pan(v));
        assertThat(decoded).isEqualTo(new PinDecoding.Decoded(v.input("pin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("format4PinFields")
    void buildsAndReadsEveryPublishedFormat4PinField(Vector v) {
        byte[] field = Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_4, v.input("pin"), null, v.input("random_fill"));
        assertThat(Hex.encode(field)).isEqualTo(v.expected("pin_field"));
        assertThat(Iso9564PinBlock.decodeClear(PinBlockFormat.ISO_4, field, null))
                .isEqualTo(new PinDecoding.Decoded(v.input("pin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("format4PanFields")
    void buildsEveryPublishedFormat4PanField(Vector v) {
        assertThat(Hex.encode(Iso9564PinBlock.panField4(v.input("pan")))).isEqualTo(v.expected("pan_field"));
    }

    // ---- round trips with random fill ---------------------------------------------------------

    static Stream<Arguments> everyFormatAndPinLength() {
        return Stream.of(PinBlockFormat.values()).flatMap(f -> IntStream.rangeClosed(4, 12)
                .mapToObj(n -> Arguments.of(f, "987654321098".substring(0, n))));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("everyFormatAndPinLength")
    void recoversEveryPinLengthFromARandomlyFilledBlock(PinBlockFormat format, String pin) {
        BlockCipherKey key = format == PinBlockFormat.ISO_4 ? AES_KEY : TDES_KEY;
        byte[] block = Iso9564PinBlock.encipher(format, key, pin, PAN, null);
        byte[] clear = Iso9564PinBlock.encodeClear(format, pin, PAN, null);

        assertThat(block).hasSize(format.blockLength());
        assertThat(Iso9564PinBlock.decipher(format, key, block, PAN)).isEqualTo(new PinDecoding.Decoded(pin));
        assertThat(Iso9564PinBlock.decodeClear(format, clear, PAN)).isEqualTo(new PinDecoding.Decoded(pin));
    }

    @ParameterizedTest
    @EnumSource(value = PinBlockFormat.class, names = {"ISO_1", "ISO_3", "ISO_4"})
    void drawsFreshRandomFillForEveryBlock(PinBlockFormat format) {
        BlockCipherKey key = format == PinBlockFormat.ISO_4 ? AES_KEY : TDES_KEY;
        assertThat(Iso9564PinBlock.encipher(format, key, "1234", PAN, null))
                .isNotEqualTo(Iso9564PinBlock.encipher(format, key, "1234", PAN, null));
    }

    @Test
    void drawsFormat3FillFromEverySixValuesAToFAndNothingElse() {
        Set<Integer> seen = new TreeSet<>();
        for (int i = 0; i < 300; i++) {
            byte[] field = Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_3, "1234", PAN, null);
            byte[] accountNumber = Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_0, "1234", PAN, null);
            for (int nibble = 6; nibble < 16; nibble++) {
                // the account number field is the same in both: XOR of the two leaves fill XOR F
                int fill = PinField.nibble(field, nibble) ^ PinField.nibble(accountNumber, nibble) ^ 0xF;
                seen.add(fill);
            }
        }
        assertThat(seen).containsExactly(0xA, 0xB, 0xC, 0xD, 0xE, 0xF);
    }

    @Test
    void masksThePinWhenPrinted() {
        assertThat(new PinDecoding.Decoded("1234")).hasToString("Decoded[pin=****]");
        assertThat(new PinDecoding.Malformed()).hasToString("Malformed[]");
    }

    @Test
    void refusesADecodedPinThatIsNoPin() {
        assertThatThrownBy(() -> new PinDecoding.Decoded("12A4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decoded PIN must be 4 to 12 decimal digits");
    }

    // ---- malformed blocks: one verdict, no reason ---------------------------------------------

    /** psec tests/test_pinblock.py@5de24cc (see pinblock.json): blocks psec's decoders reject. */
    static Stream<Arguments> malformedClearBlocks() {
        String psecPan = "5555555551234567";
        return Stream.of(
                Arguments.of("format 0, control field 2", PinBlockFormat.ISO_0, "241261AAAAEDCBA9", psecPan),
                Arguments.of("format 0, PIN length 15", PinBlockFormat.ISO_0, "0F1261AAAAEDCBA9", psecPan),
                Arguments.of("format 0, PIN length 2", PinBlockFormat.ISO_0, "021261AAAAEDCBA9", psecPan),
                Arguments.of("format 0, fill not F", PinBlockFormat.ISO_0, "041261AAAAEDCBAA", psecPan),
                Arguments.of("format 0, PIN digit F", PinBlockFormat.ISO_0, "051261AAAAEDCBA9", psecPan),
                Arguments.of("format 1, control field 0", PinBlockFormat.ISO_1, "041234FFFFFFFFFF", null),
                Arguments.of("format 1, PIN length 3", PinBlockFormat.ISO_1, "13123FFFFFFFFFFF", null),
                Arguments.of("format 1, PIN length 13", PinBlockFormat.ISO_1, "1D1234567890123F", null),
                Arguments.of("format 1, PIN digit A", PinBlockFormat.ISO_1, "14123AFFFFFFFFFF", null),
                Arguments.of("format 2, control field 0", PinBlockFormat.ISO_2, "041234FFFFFFFFFF", null),
                Arguments.of("format 2, PIN length 15", PinBlockFormat.ISO_2, "2F123456789012FF", null),
                Arguments.of("format 2, PIN length 2", PinBlockFormat.ISO_2, "22123456789012FF", null),
                Arguments.of("format 2, fill C", PinBlockFormat.ISO_2, "2C123456789012CF", null),
                Arguments.of("format 2, PIN digit F", PinBlockFormat.ISO_2, "2C12345678901FFF", null),
                Arguments.of("format 3, control field 2", PinBlockFormat.ISO_3, "241261AAAAEDCBA9", psecPan),
                Arguments.of("format 3, PIN length 15", PinBlockFormat.ISO_3, "3F1261AAAAEDCBA9", psecPan),
                Arguments.of("format 3, PIN length 2", PinBlockFormat.ISO_3, "321261AAAAEDCBA9", psecPan),
                Arguments.of("format 3, fill 4", PinBlockFormat.ISO_3, "341261AAAAEDCBA2", psecPan),
                Arguments.of("format 3, PIN digit F", PinBlockFormat.ISO_3, "351261AAAAEDCBA9", psecPan),
                Arguments.of("format 4, control field 5", PinBlockFormat.ISO_4, "541234AAAAAAAAAA548ED7FD65495950", null),
                Arguments.of("format 4, PIN length 3", PinBlockFormat.ISO_4, "43123AAAAAAAAAAA548ED7FD65495950", null),
                Arguments.of("format 4, fill not A", PinBlockFormat.ISO_4, "441234ABCDEFABCD548ED7FD65495950", null),
                Arguments.of("format 4, PIN digit D", PinBlockFormat.ISO_4, "4412D4AAAAAAAAAA548ED7FD65495950", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedClearBlocks")
    void givesOnlyMalformedForABlockThatBreaksAnyRule(String rule, PinBlockFormat format, String clear, String pan) {
        assertThat(Iso9564PinBlock.decodeClear(format, Hex.decode(clear), pan)).isEqualTo(new PinDecoding.Malformed());
    }

    /** psec test_decipher_pinblock_iso_4_exception and openemv pinblock_format0_test (bad PAN). */
    static Stream<Arguments> malformedEncipheredBlocks() {
        return Stream.of(
                Arguments.of("format 4, control field 3", PinBlockFormat.ISO_4, "E60B15B90ABDF14CEE337C97440F0D6E",
                        "7D5AF4C33667A2098626027FB7A9A1B7", "4266229809609384667"),
                Arguments.of("format 4, PIN digits A and B", PinBlockFormat.ISO_4, "C7BBEBA16C5AD97D5866450718C03750",
                        "2F9C910447F17293EC95DEDE1E3CA201", "8220499325458689523"),
                Arguments.of("format 4, fill B", PinBlockFormat.ISO_4, "820F6C7C12355BDFF1AB6CE12E8EED89",
                        "CCF310A8300B46C925A86B1098089301", "939589847393485609"),
                Arguments.of("format 4, PIN length 3 (AES-192)", PinBlockFormat.ISO_4,
                        "4FE3F0311936FBCE44F17159F1659CF09B2BF8913BB514A1", "51334B00A6CBA3EC7B1C6F871F060AFC",
                        "2129100799029059903"),
                Arguments.of("format 0, wrong PAN", PinBlockFormat.ISO_0, "042666B49184CF5C68DE9628D0397B36",
                        "1B9C1845EB993A7A", "4022345678909"),
                Arguments.of("format 0, wrong key", PinBlockFormat.ISO_0, "C46551CEF9FD244FAA9AD834130D3B38",
                        "1B9C1845EB993A7A", "4012345678909"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedEncipheredBlocks")
    void givesOnlyMalformedForAnEncipheredBlockThatBreaksAnyRule(String rule, PinBlockFormat format, String key,
                                                                 String block, String pan) {
        BlockCipherKey k = format == PinBlockFormat.ISO_4 ? BlockCipherKey.aes(Hex.decode(key)) : key(key);
        assertThat(Iso9564PinBlock.decipher(format, k, Hex.decode(block), pan)).isEqualTo(new PinDecoding.Malformed());
    }

    // ---- bad inputs: each names the field and the rule, never the value -----------------------

    static Stream<Arguments> badInputs() {
        PinBlockFormat f0 = PinBlockFormat.ISO_0;
        PinBlockFormat f4 = PinBlockFormat.ISO_4;
        return Stream.of(
                bad("PIN block format is missing", () -> Iso9564PinBlock.encodeClear(null, "1234", PAN, null)),
                bad("PIN is missing", () -> Iso9564PinBlock.encodeClear(f0, null, PAN, null)),
                bad("PIN must be 4 to 12 digits, not 3", () -> Iso9564PinBlock.encodeClear(f0, "123", PAN, null)),
                bad("PIN must be 4 to 12 digits, not 13", () -> Iso9564PinBlock.encodeClear(f0, "1234567890123", PAN, null)),
                bad("PIN must be decimal digits", () -> Iso9564PinBlock.encodeClear(f0, "12A4", PAN, null)),
                bad("PAN is missing", () -> Iso9564PinBlock.encodeClear(f0, "1234", null, null)),
                bad("PAN must be decimal digits", () -> Iso9564PinBlock.encodeClear(f0, "1234", "4012345678A09", null)),
                bad("PAN must be 13 to 19 digits for format 0, not 12", () -> Iso9564PinBlock.encodeClear(f0, "1234", "555555555123", null)),
                bad("PAN must be 13 to 19 digits for format 3, not 20",
                        () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_3, "1234", "12345678901234567890", null)),
                bad("PAN must be 1 to 19 digits for format 4, not 0", () -> Iso9564PinBlock.panField4("")),
                bad("PAN must be 1 to 19 digits for format 4, not 20", () -> Iso9564PinBlock.panField4("12345678901234567890")),
                bad("PAN must be 1 to 19 digits for format 4, not 20",
                        () -> Iso9564PinBlock.encipher(f4, AES_KEY, "1234", "12345678901234567890", null)),
                bad("format 0 takes no fill", () -> Iso9564PinBlock.encodeClear(f0, "1234", PAN, "FFFFFFFFFF")),
                bad("format 2 takes no fill", () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_2, "1234", null, "FF")),
                bad("fill must be 10 hexadecimal digits, not 9",
                        () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_1, "1234", null, "EDCBA9876")),
                bad("fill must be hexadecimal digits", () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_1, "12345", null, "EDCBA987G")),
                bad("fill must be hexadecimal digits",
                        () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_1, "12345", null, "EDCBA987\u0663")),
                bad("format 3 fill must be A-F", () -> Iso9564PinBlock.encodeClear(PinBlockFormat.ISO_3, "1234", PAN, "ABCDEF0123")),
                bad("fill must be 16 hexadecimal digits, not 4", () -> Iso9564PinBlock.encodeClear(f4, "1234", null, "2F69")),
                bad("key is missing", () -> Iso9564PinBlock.encipher(f0, null, "1234", PAN, null)),
                bad("format 0 needs a TDES key of 16 or 24 bytes, not a 32-byte AES key",
                        () -> Iso9564PinBlock.encipher(f0, AES_KEY, "1234", PAN, null)),
                bad("format 1 needs a TDES key of 16 or 24 bytes, not an 8-byte DES key",
                        () -> Iso9564PinBlock.encipher(PinBlockFormat.ISO_1, BlockCipherKey.des(new byte[8]), "1234", null, null)),
                bad("format 3 needs a TDES key of 16 or 24 bytes, not a 16-byte AES key",
                        () -> Iso9564PinBlock.decipher(PinBlockFormat.ISO_3, BlockCipherKey.aes(new byte[16]), new byte[8], PAN)),
                bad("format 4 needs an AES key of 16, 24 or 32 bytes, not a 24-byte TDES key",
                        () -> Iso9564PinBlock.encipher(f4, TDES_KEY, "1234", PAN, null)),
                bad("PIN block is missing", () -> Iso9564PinBlock.decipher(f0, TDES_KEY, null, PAN)),
                bad("PIN block must be 8 bytes for format 0, not 7", () -> Iso9564PinBlock.decipher(f0, TDES_KEY, new byte[7], PAN)),
                bad("PIN block must be 16 bytes for format 4, not 8", () -> Iso9564PinBlock.decipher(f4, AES_KEY, new byte[8], PAN)),
                bad("PAN must be decimal digits", () -> Iso9564PinBlock.decipher(f4, AES_KEY, new byte[16], "4111-1111")),
                bad("clear PIN block must be 8 bytes for format 2, not 16",
                        () -> Iso9564PinBlock.decodeClear(PinBlockFormat.ISO_2, new byte[16], null)),
                bad("PIN field must be 16 bytes for format 4, not 15", () -> Iso9564PinBlock.decodeClear(f4, new byte[15], null)),
                bad("PAN is missing", () -> Iso9564PinBlock.decodeClear(PinBlockFormat.ISO_3, new byte[8], null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsABadInputNamingTheFieldAndNeverItsValue(String message, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Arguments bad(String message, ThrowingCallable call) {
        return Arguments.of(message, call);
    }

    private static PinBlockFormat format(Vector v) {
        return PinBlockFormat.ofNumber(v.algorithm().charAt(v.algorithm().length() - 1) - '0');
    }

    private static String pan(Vector v) {
        return v.hasInput("pan") ? v.input("pan") : null;
    }

    private static String fill(Vector v) {
        return v.hasInput("fill") ? v.input("fill") : v.hasInput("random_fill") ? v.input("random_fill") : null;
    }

    private static BlockCipherKey key(Vector v) {
        byte[] key = Hex.decode(v.input("key"));
        return format(v) == PinBlockFormat.ISO_4 ? BlockCipherKey.aes(key) : BlockCipherKey.of(KeyAlgorithm.TDES, key);
    }

    private static BlockCipherKey key(String tdesHex) {
        return BlockCipherKey.of(KeyAlgorithm.TDES, Hex.decode(tdesHex));
    }
}
