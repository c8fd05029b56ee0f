package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.api.pin.PrimaryAccountNumber;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.crypto.pin.PinDecoding;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PIN translation TPK -> ZPK and ZPK -> ZPK, with format change, checked by decoding the result in the test. */
class PinTranslationTest {

    static final KnownLmkHsm HSM = new KnownLmkHsm();
    static final String PAN = "4111111111111111";
    static final String PIN = "84120937";
    static final Key TPK = Key.of(KeyType.TPK, KeyScheme.TDES_2KEY);
    static final Key ZPK = Key.of(KeyType.ZPK, KeyScheme.TDES_3KEY);
    static final Key OTHER_ZPK = Key.of(KeyType.ZPK, KeyScheme.TDES_2KEY);
    static final Key AES_TPK = Key.of(KeyType.TPK, KeyScheme.AES_128);
    static final Key AES_ZPK = Key.of(KeyType.ZPK, KeyScheme.AES_256);

    /** A PIN key the HSM holds, with its clear value for the test to build and read PIN blocks. */
    record Key(KeyBlock block, BlockCipherKey clear) {
        static Key of(KeyType type, KeyScheme scheme) {
            KeyBlock block = HSM.generate(type, scheme).keyBlock();
            return new Key(block, BlockCipherKey.of(scheme.algorithm(), HSM.clearKey(block)));
        }

        @Override
        public String toString() {
            return block.toString();
        }
    }

    static Stream<Arguments> translations() {
        return Stream.of(
                Arguments.of(TPK, PinBlockFormat.ISO_0, ZPK, PinBlockFormat.ISO_0),
                Arguments.of(TPK, PinBlockFormat.ISO_0, ZPK, PinBlockFormat.ISO_3),
                Arguments.of(TPK, PinBlockFormat.ISO_1, ZPK, PinBlockFormat.ISO_0),
                Arguments.of(TPK, PinBlockFormat.ISO_3, ZPK, PinBlockFormat.ISO_0),
                Arguments.of(TPK, PinBlockFormat.ISO_1, ZPK, PinBlockFormat.ISO_1),
                Arguments.of(TPK, PinBlockFormat.ISO_2, ZPK, PinBlockFormat.ISO_3),
                Arguments.of(ZPK, PinBlockFormat.ISO_0, OTHER_ZPK, PinBlockFormat.ISO_0),
                Arguments.of(AES_TPK, PinBlockFormat.ISO_4, AES_ZPK, PinBlockFormat.ISO_4),
                Arguments.of(TPK, PinBlockFormat.ISO_0, AES_ZPK, PinBlockFormat.ISO_4),
                Arguments.of(AES_ZPK, PinBlockFormat.ISO_4, ZPK, PinBlockFormat.ISO_0),
                Arguments.of(TPK, PinBlockFormat.ISO_1, AES_ZPK, PinBlockFormat.ISO_4));
    }

    @ParameterizedTest(name = "{1} under {0} -> {3} under {2}")
    @MethodSource("translations")
    void translatesToABlockThatDecodesToTheSamePinUnderTheDestinationKey(Key source, PinBlockFormat from,
                                                                         Key destination, PinBlockFormat to) {
        byte[] block = Iso9564PinBlock.encipher(from, source.clear(), PIN, PAN, null);

        PinTranslationResult result = HSM.hsm().pinTranslation().translate(request(source, from, block, destination, to));

        assertThat(result).isInstanceOf(PinTranslationResult.Translated.class);
        EncryptedPinBlock translated = ((PinTranslationResult.Translated) result).pinBlock();
        assertThat(translated.length()).isEqualTo(to.blockLength());
        assertThat(Iso9564PinBlock.decipher(to, destination.clear(), translated.bytes(), PAN))
                .isEqualTo(new PinDecoding.Decoded(PIN));
    }

    static Stream<Vector> publishedTranslations() {
        return KnownAnswerVectors.of("pin_translate", "PIN-TRANSLATE");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedTranslations")
    void translatesThePublishedBlockBetweenKeysFormedFromThePublishedValues(Vector v) {
        PinBlockFormat from = PinBlockFormat.ofNumber(Integer.parseInt(v.input("source_format")));
        PinBlockFormat to = PinBlockFormat.ofNumber(Integer.parseInt(v.input("dest_format")));
        byte[] destinationKey = Hex.decode(v.input("dest_key"));
        KeyBlock source = HSM.known(KeyType.TPK, pinScheme(from, Hex.decode(v.input("source_key"))),
                Hex.decode(v.input("source_key"))).keyBlock();
        KeyBlock destination = HSM.known(KeyType.ZPK, pinScheme(to, destinationKey), destinationKey).keyBlock();

        PinTranslationResult result = HSM.hsm().pinTranslation().translate(new PinTranslationRequest(source, from,
                EncryptedPinBlock.ofHex(v.input("source_block")), destination, to, new PrimaryAccountNumber(v.input("pan"))));

        assertThat(result).isInstanceOf(PinTranslationResult.Translated.class);
        EncryptedPinBlock translated = ((PinTranslationResult.Translated) result).pinBlock();
        if (to == PinBlockFormat.ISO_0) {
            assertThat(translated.hex()).isEqualTo(v.expected("dest_block"));
        }
        BlockCipherKey clear = BlockCipherKey.of(to == PinBlockFormat.ISO_4 ? KeyAlgorithm.AES : KeyAlgorithm.TDES,
                destinationKey);
        assertThat(Iso9564PinBlock.decipher(to, clear, translated.bytes(), v.input("pan")))
                .isEqualTo(new PinDecoding.Decoded(v.expected("pin")));
    }

    private static KeyScheme pinScheme(PinBlockFormat format, byte[] key) {
        return KeyScheme.of(format == PinBlockFormat.ISO_4 ? KeyAlgorithm.AES : KeyAlgorithm.TDES, key.length);
    }

    @Test
    void drawsFreshFillForEveryFormatThreeBlock() {
        byte[] block = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, TPK.clear(), PIN, PAN, null);
        PinTranslationRequest request = request(TPK, PinBlockFormat.ISO_0, block, ZPK, PinBlockFormat.ISO_3);

        PinTranslationResult first = HSM.hsm().pinTranslation().translate(request);
        PinTranslationResult second = HSM.hsm().pinTranslation().translate(request);

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void reportsABlockUnderAnotherKeyAsMalformedWithoutSayingWhy() {
        byte[] underOtherKey = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, OTHER_ZPK.clear(), PIN, PAN, null);

        PinTranslationResult result = HSM.hsm().pinTranslation().translate(
                request(TPK, PinBlockFormat.ISO_0, underOtherKey, ZPK, PinBlockFormat.ISO_0));

        assertThat(result).isEqualTo(new PinTranslationResult.MalformedPinBlock());
        assertThat(result).hasToString("MalformedPinBlock[]");
    }

    @Test
    void translatedResultNeverShowsThePinBlockOrThePan() {
        byte[] block = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, TPK.clear(), PIN, PAN, null);
        PinTranslationRequest request = request(TPK, PinBlockFormat.ISO_0, block, ZPK, PinBlockFormat.ISO_0);

        PinTranslationResult result = HSM.hsm().pinTranslation().translate(request);

        String translatedHex = ((PinTranslationResult.Translated) result).pinBlock().hex();
        assertThat(result.toString()).isEqualTo("Translated[pinBlock=EncryptedPinBlock[8 bytes]]")
                .doesNotContain(translatedHex).doesNotContain(Hex.encode(block)).doesNotContain(PAN).doesNotContain(PIN);
        assertThat(request.toString()).doesNotContain(Hex.encode(block)).doesNotContain(PAN).contains("411111******1111");
    }

    static PinTranslationRequest request(Key source, PinBlockFormat from, byte[] block, Key destination,
                                         PinBlockFormat to) {
        return new PinTranslationRequest(source.block(), from, EncryptedPinBlock.of(block), destination.block(), to,
                new PrimaryAccountNumber(PAN));
    }
}
