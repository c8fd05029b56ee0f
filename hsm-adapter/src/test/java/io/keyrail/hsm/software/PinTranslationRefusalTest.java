package io.keyrail.hsm.software;

import static io.keyrail.hsm.software.PinTranslationTest.AES_TPK;
import static io.keyrail.hsm.software.PinTranslationTest.AES_ZPK;
import static io.keyrail.hsm.software.PinTranslationTest.HSM;
import static io.keyrail.hsm.software.PinTranslationTest.PAN;
import static io.keyrail.hsm.software.PinTranslationTest.PIN;
import static io.keyrail.hsm.software.PinTranslationTest.TPK;
import static io.keyrail.hsm.software.PinTranslationTest.ZPK;
import static io.keyrail.hsm.software.PinTranslationTest.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.api.pin.PrimaryAccountNumber;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.software.PinTranslationTest.Key;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input table of PIN translation: each refused request and the exact result or message it gets. */
class PinTranslationRefusalTest {

    private static final Key TAK = Key.of(KeyType.TAK, KeyScheme.TDES_2KEY);
    private static final Key DES_TPK = Key.of(KeyType.TPK, KeyScheme.DES_SINGLE);
    private static final Key ZMK = Key.of(KeyType.ZMK, KeyScheme.TDES_2KEY);

    static Stream<Arguments> refusedFormatChanges() {
        return Stream.of(PinBlockFormat.ISO_0, PinBlockFormat.ISO_3, PinBlockFormat.ISO_4).flatMap(from ->
                Stream.of(PinBlockFormat.ISO_1, PinBlockFormat.ISO_2).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("refusedFormatChanges")
    void refusesToMoveAPanBoundPinIntoFormatOneOrTwo(PinBlockFormat from, PinBlockFormat to) {
        Key source = from == PinBlockFormat.ISO_4 ? AES_TPK : TPK;
        byte[] block = Iso9564PinBlock.encipher(from, source.clear(), PIN, PAN, null);

        assertThat(HSM.hsm().pinTranslation().translate(request(source, from, block, ZPK, to)))
                .isEqualTo(new PinTranslationResult.FormatChangeRefused(from, to));
    }

    static Stream<Arguments> refusedKeys() {
        return Stream.of(
                Arguments.of("a TAK as source", TAK, PinBlockFormat.ISO_0, ZPK, PinBlockFormat.ISO_0,
                        "the source key is not a PIN key (usage M3)"),
                Arguments.of("a TAK as destination", TPK, PinBlockFormat.ISO_0, TAK, PinBlockFormat.ISO_0,
                        "the destination key is not a PIN key (usage M3)"),
                Arguments.of("a ZMK as source", ZMK, PinBlockFormat.ISO_0, ZPK, PinBlockFormat.ISO_0,
                        "the source key is not a PIN key (usage K0)"),
                Arguments.of("a TDES TPK for format 4", TPK, PinBlockFormat.ISO_4, AES_ZPK, PinBlockFormat.ISO_4,
                        "format 4 needs an AES source key"),
                Arguments.of("an AES ZPK for format 0", TPK, PinBlockFormat.ISO_0, AES_ZPK, PinBlockFormat.ISO_0,
                        "format 0 needs a TDES destination key"),
                Arguments.of("an AES TPK for format 3", AES_TPK, PinBlockFormat.ISO_3, ZPK, PinBlockFormat.ISO_0,
                        "format 3 needs a TDES source key"),
                Arguments.of("a single-DES TPK", DES_TPK, PinBlockFormat.ISO_0, ZPK, PinBlockFormat.ISO_0,
                        "format 0 needs a TDES source key"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeys")
    void refusesAKeyWhoseUsageOrAlgorithmDoesNotFit(String what, Key source, PinBlockFormat from, Key destination,
                                                    PinBlockFormat to, String reason) {
        byte[] block = new byte[from.blockLength()];

        assertThat(HSM.hsm().pinTranslation().translate(request(source, from, block, destination, to)))
                .isEqualTo(new PinTranslationResult.KeyUsageRefused(reason));
    }

    @Test
    void refusesAPinKeyWhoseModeOfUseForbidsTheDirection() {
        KeyBlock kek = HSM.known(KeyType.ZMK, KeyScheme.TDES_3KEY, KeyBlockImportTest.TDES_KEK).keyBlock();
        String sent = KeyBlockImportTest.wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.E,
                Exportability.E, HSM.clearKey(TPK.block()));
        Key encryptOnly = new Key(((KeyImportResult.Imported) HSM.hsm().keyImport().importKeyBlock(KeyType.TPK, kek, sent))
                .key().keyBlock(), TPK.clear());
        byte[] block = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, TPK.clear(), PIN, PAN, null);

        assertThat(HSM.hsm().pinTranslation().translate(request(encryptOnly, PinBlockFormat.ISO_0, block, ZPK,
                PinBlockFormat.ISO_0))).isEqualTo(new PinTranslationResult.KeyUsageRefused(
                "the source key's mode of use E forbids decryption"));
        assertThat(HSM.hsm().pinTranslation().translate(request(ZPK, PinBlockFormat.ISO_0,
                Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, ZPK.clear(), PIN, PAN, null), encryptOnly,
                PinBlockFormat.ISO_0))).isInstanceOf(PinTranslationResult.Translated.class);
    }

    static Stream<byte[]> garbage() {
        return Stream.of(new byte[8], new byte[] {(byte) 0xFF, -1, -1, -1, -1, -1, -1, -1},
                new byte[] {0x01, 0x23, 0x45, 0x67, (byte) 0x89, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
    }

    @ParameterizedTest
    @MethodSource("garbage")
    void reportsAGarbageBlockAsMalformedAndNothingMore(byte[] block) {
        PinTranslationResult result = HSM.hsm().pinTranslation().translate(
                request(TPK, PinBlockFormat.ISO_0, block, ZPK, PinBlockFormat.ISO_0));

        assertThat(result).isEqualTo(new PinTranslationResult.MalformedPinBlock());
    }

    @Test
    void refusesARequestThatCannotBeBuilt() {
        EncryptedPinBlock eight = EncryptedPinBlock.of(new byte[8]);
        PrimaryAccountNumber pan = new PrimaryAccountNumber(PAN);

        assertThatThrownBy(() -> new PinTranslationRequest(AES_TPK.block(), PinBlockFormat.ISO_4, eight, AES_ZPK.block(),
                PinBlockFormat.ISO_4, pan))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a format 4 PIN block is 16 bytes, not 8");
        assertThatThrownBy(() -> new PinTranslationRequest(TPK.block(), PinBlockFormat.ISO_1, eight, ZPK.block(),
                PinBlockFormat.ISO_0, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("formats 0, 3 and 4 need the PAN");
        assertThatThrownBy(() -> EncryptedPinBlock.ofHex("0123"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PIN block must be 16 or 32 hexadecimal digits");
        assertThatThrownBy(() -> new PrimaryAccountNumber("41111111111"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PAN must be 12 to 19 digits");
    }

    @Test
    void refusesATwelveDigitPanForFormatZeroNamingTheRuleNotThePan() {
        PinTranslationRequest request = new PinTranslationRequest(TPK.block(), PinBlockFormat.ISO_0,
                EncryptedPinBlock.of(new byte[8]), ZPK.block(), PinBlockFormat.ISO_0, new PrimaryAccountNumber("411111111111"));

        assertThatThrownBy(() -> HSM.hsm().pinTranslation().translate(request))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("PAN must be 13 to 19 digits for format 0, not 12");
    }

    @Test
    void translatesFormatOneWithoutAPan() {
        byte[] block = Iso9564PinBlock.encipher(PinBlockFormat.ISO_1, TPK.clear(), PIN, null, null);

        PinTranslationResult result = HSM.hsm().pinTranslation().translate(new PinTranslationRequest(TPK.block(),
                PinBlockFormat.ISO_1, EncryptedPinBlock.of(block), ZPK.block(), PinBlockFormat.ISO_1, null));

        assertThat(result).isInstanceOf(PinTranslationResult.Translated.class);
    }
}
