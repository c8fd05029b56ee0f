package io.keyrail.hsm.crypto.pin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PinTranslatorTest {

    private static final String PAN = "4012345678909";
    private static final BlockCipherKey TPK = BlockCipherKey.of(KeyAlgorithm.TDES, Hex.decode("0123456789ABCDEFFEDCBA9876543210"));
    private static final BlockCipherKey ZPK = BlockCipherKey.of(KeyAlgorithm.TDES,
            Hex.decode("89ABCDEF0123456776543210FEDCBA9801234567FEDCBA98"));
    private static final BlockCipherKey AES_128 = BlockCipherKey.aes(Hex.decode("000102030405060708090A0B0C0D0E0F"));
    private static final BlockCipherKey AES_256 = BlockCipherKey.aes(Hex.decode(
            "F0E0D0C0B0A090807060504030201000F1E1D1C1B1A191817161514131211101"));

    /** ANSI X9.24-1:2009 A.4 (see pin_translate.json): PIN 1234, PAN 4012345678909, PIN key of KSN ...E00001. */
    private static final byte[] PUBLISHED_ISO0_BLOCK = Hex.decode("1B9C1845EB993A7A");
    private static final BlockCipherKey PUBLISHED_ISO0_KEY = BlockCipherKey.of(KeyAlgorithm.TDES,
            Hex.decode("042666B49184CF5C68DE9628D0397B36"));

    static Stream<Vector> publishedTranslations() {
        return KnownAnswerVectors.of("pin_translate", "PIN-TRANSLATE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTranslations")
    void translatesEveryPublishedPair(Vector v) {
        PinBlockFormat from = PinBlockFormat.ofNumber(Integer.parseInt(v.input("source_format")));
        PinBlockFormat to = PinBlockFormat.ofNumber(Integer.parseInt(v.input("dest_format")));
        BlockCipherKey destinationKey = key(to, v.input("dest_key"));

        PinTranslationOutcome outcome = PinTranslator.translate(key(from, v.input("source_key")), from,
                Hex.decode(v.input("source_block")), destinationKey, to, v.input("pan"),
                v.hasInput("dest_fill") ? v.input("dest_fill") : null);

        assertThat(outcome).isEqualTo(new PinTranslationOutcome.Translated(Hex.decode(v.expected("dest_block"))));
        byte[] block = ((PinTranslationOutcome.Translated) outcome).block();
        assertThat(Iso9564PinBlock.decipher(to, destinationKey, block, v.input("pan")))
                .isEqualTo(new PinDecoding.Decoded(v.expected("pin")));
    }

    static Stream<Arguments> refusedFormatChanges() {
        return Stream.of(PinBlockFormat.ISO_0, PinBlockFormat.ISO_3, PinBlockFormat.ISO_4).flatMap(from ->
                Stream.of(PinBlockFormat.ISO_1, PinBlockFormat.ISO_2).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedFormatChanges")
    void refusesToMoveAPanBoundPinIntoFormat1Or2BeforeDecipheringAnything(PinBlockFormat from, PinBlockFormat to) {
        // All-zero bytes would decipher to a malformed block: the refusal comes first.
        byte[] block = new byte[from.blockLength()];
        BlockCipherKey sourceKey = from == PinBlockFormat.ISO_4 ? AES_128 : TPK;

        assertThat(PinTranslator.translate(sourceKey, from, block, ZPK, to, PAN, null))
                .isEqualTo(new PinTranslationOutcome.FormatChangeRefused(from, to));
    }

    static Stream<Arguments> allowedFormatChanges() {
        return Stream.of(PinBlockFormat.values()).flatMap(from -> Stream.of(PinBlockFormat.values())
                .filter(from::mayTranslateTo)
                .flatMap(to -> Stream.of("1234", "98765432", "123456789012").map(pin -> Arguments.of(from, to, pin))));
    }

    @ParameterizedTest(name = "{0} -> {1}, {2}")
    @MethodSource("allowedFormatChanges")
    void carriesThePinAcrossEveryAllowedFormatChange(PinBlockFormat from, PinBlockFormat to, String pin) {
        BlockCipherKey sourceKey = from == PinBlockFormat.ISO_4 ? AES_128 : TPK;
        BlockCipherKey destinationKey = to == PinBlockFormat.ISO_4 ? AES_256 : ZPK;
        byte[] block = Iso9564PinBlock.encipher(from, sourceKey, pin, PAN, null);

        PinTranslationOutcome outcome = PinTranslator.translate(sourceKey, from, block, destinationKey, to, PAN, null);

        assertThat(outcome).isInstanceOf(PinTranslationOutcome.Translated.class);
        byte[] translated = ((PinTranslationOutcome.Translated) outcome).block();
        assertThat(translated).hasSize(to.blockLength());
        assertThat(Iso9564PinBlock.decipher(to, destinationKey, translated, PAN)).isEqualTo(new PinDecoding.Decoded(pin));
    }

    @Test
    void usesTheGivenDestinationFillExactlyAsEncipheringWouldForFormat3() {
        PinTranslationOutcome outcome = PinTranslator.translate(PUBLISHED_ISO0_KEY, PinBlockFormat.ISO_0,
                PUBLISHED_ISO0_BLOCK, ZPK, PinBlockFormat.ISO_3, PAN, "ABCDEFFEDC");

        assertThat(outcome).isEqualTo(new PinTranslationOutcome.Translated(
                Iso9564PinBlock.encipher(PinBlockFormat.ISO_3, ZPK, "1234", PAN, "ABCDEFFEDC")));
    }

    @Test
    void movesAPublishedFormat0BlockToFormat4UnderAnAes256Key() {
        PinTranslationOutcome outcome = PinTranslator.translate(PUBLISHED_ISO0_KEY, PinBlockFormat.ISO_0,
                PUBLISHED_ISO0_BLOCK, AES_256, PinBlockFormat.ISO_4, PAN, null);

        byte[] block = ((PinTranslationOutcome.Translated) outcome).block();
        assertThat(Iso9564PinBlock.decipher(PinBlockFormat.ISO_4, AES_256, block, PAN))
                .isEqualTo(new PinDecoding.Decoded("1234"));
    }

    static Stream<Arguments> malformedSources() {
        BlockCipherKey psecKey = BlockCipherKey.aes(Hex.decode("820F6C7C12355BDFF1AB6CE12E8EED89"));
        return Stream.of(
                Arguments.of("wrong PAN", PUBLISHED_ISO0_KEY, PinBlockFormat.ISO_0, PUBLISHED_ISO0_BLOCK, "4022345678909"),
                Arguments.of("wrong key", TPK, PinBlockFormat.ISO_0, PUBLISHED_ISO0_BLOCK, PAN),
                Arguments.of("format 0 block read as format 3", PUBLISHED_ISO0_KEY, PinBlockFormat.ISO_3,
                        PUBLISHED_ISO0_BLOCK, PAN),
                // psec test_decipher_pinblock_iso_4_exception: deciphers to fill B instead of A
                Arguments.of("format 4 block with fill B", psecKey, PinBlockFormat.ISO_4,
                        Hex.decode("CCF310A8300B46C925A86B1098089301"), "939589847393485609"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSources")
    void givesOnlyMalformedForAMalformedSourceBlock(String why, BlockCipherKey key, PinBlockFormat from, byte[] block,
                                                    String pan) {
        assertThat(PinTranslator.translate(key, from, block, ZPK, PinBlockFormat.ISO_0, pan, null))
                .isEqualTo(new PinTranslationOutcome.Malformed());
    }

    @Test
    void neverShowsTheTranslatedBlockAndHandsOutCopiesOnly() {
        PinTranslationOutcome.Translated translated = new PinTranslationOutcome.Translated(PUBLISHED_ISO0_BLOCK);

        assertThat(translated).hasToString("Translated[8-byte block]");
        translated.block()[0] ^= 1;
        assertThat(translated.block()).isEqualTo(PUBLISHED_ISO0_BLOCK);
        assertThat(new PinTranslationOutcome.Malformed()).hasToString("Malformed[]");
    }

    static Stream<Arguments> badInputs() {
        PinBlockFormat f0 = PinBlockFormat.ISO_0;
        PinBlockFormat f3 = PinBlockFormat.ISO_3;
        PinBlockFormat f4 = PinBlockFormat.ISO_4;
        byte[] block = PUBLISHED_ISO0_BLOCK;
        BlockCipherKey src = PUBLISHED_ISO0_KEY;
        return Stream.of(
                bad("source PIN block format is missing", () -> PinTranslator.translate(src, null, block, ZPK, f0, PAN, null)),
                bad("destination PIN block format is missing", () -> PinTranslator.translate(src, f0, block, ZPK, null, PAN, null)),
                bad("source key is missing", () -> PinTranslator.translate(null, f0, block, ZPK, f0, PAN, null)),
                bad("destination key is missing", () -> PinTranslator.translate(src, f0, block, null, f0, PAN, null)),
                bad("source format 0 needs a TDES key of 16 or 24 bytes, not a 16-byte AES key",
                        () -> PinTranslator.translate(AES_128, f0, block, ZPK, f0, PAN, null)),
                bad("destination format 4 needs an AES key of 16, 24 or 32 bytes, not a 24-byte TDES key",
                        () -> PinTranslator.translate(src, f0, block, ZPK, f4, PAN, null)),
                bad("source PIN block is missing", () -> PinTranslator.translate(src, f0, null, ZPK, f0, PAN, null)),
                bad("source PIN block must be 8 bytes for format 0, not 16",
                        () -> PinTranslator.translate(src, f0, new byte[16], ZPK, f0, PAN, null)),
                bad("source PIN block must be 16 bytes for format 4, not 8",
                        () -> PinTranslator.translate(AES_128, f4, block, ZPK, f0, PAN, null)),
                bad("PAN is missing", () -> PinTranslator.translate(src, f0, block, ZPK, f0, null, null)),
                bad("PAN must be decimal digits", () -> PinTranslator.translate(src, f0, block, ZPK, f0, "4012 3456 7890 9", null)),
                bad("PAN must be 13 to 19 digits for format 0, not 12",
                        () -> PinTranslator.translate(src, f0, block, ZPK, f0, "401234567890", null)),
                bad("PAN must be 13 to 19 digits for format 3, not 12",
                        () -> PinTranslator.translate(TPK, PinBlockFormat.ISO_1, block, ZPK, f3, "401234567890", null)),
                bad("destination format 0 takes no fill", () -> PinTranslator.translate(src, f0, block, ZPK, f0, PAN, "FFFFFFFFFF")),
                bad("destination fill must be hexadecimal digits",
                        () -> PinTranslator.translate(src, f0, block, AES_128, f4, PAN, "2F69ADDE2E9E7ACX")),
                bad("destination fill must be 16 hexadecimal digits, not 8",
                        () -> PinTranslator.translate(src, f0, block, AES_128, f4, PAN, "2F69ADDE")),
                bad("destination format 3 fill must be A-F",
                        () -> PinTranslator.translate(src, f0, block, ZPK, f3, PAN, "ABCDEF0123")),
                bad("destination fill must be 2 to 10 hexadecimal digits, not 11",
                        () -> PinTranslator.translate(src, f0, block, ZPK, f3, PAN, "ABCDEFABCDE")),
                bad("destination fill must have 14 minus the PIN length hexadecimal digits",
                        () -> PinTranslator.translate(src, f0, block, ZPK, f3, PAN, "ABCDEFAB")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void rejectsABadInputNamingTheFieldAndNeverItsValue(String message, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    private static Arguments bad(String message, ThrowingCallable call) {
        return Arguments.of(message, call);
    }

    private static BlockCipherKey key(PinBlockFormat format, String hex) {
        return format == PinBlockFormat.ISO_4 ? BlockCipherKey.aes(Hex.decode(hex))
                : BlockCipherKey.of(KeyAlgorithm.TDES, Hex.decode(hex));
    }
}
