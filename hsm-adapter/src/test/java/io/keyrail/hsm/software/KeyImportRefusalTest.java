package io.keyrail.hsm.software;

import static io.keyrail.hsm.software.KeyBlockImportTest.wrap;
import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bad-input tables of key import: each refused input and the exact result it gets. */
class KeyImportRefusalTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final byte[] TDES_KEK = KeyBlockImportTest.TDES_KEK;
    private static final KeyBlock TDES_ZMK = HSM.known(KeyType.ZMK, KeyScheme.TDES_3KEY, TDES_KEK).keyBlock();
    private static final KeyBlock AES_ZMK = HSM.known(KeyType.ZMK, KeyScheme.AES_256, KeyBlockImportTest.AES_KEK).keyBlock();
    private static final byte[] TDES_2KEY_KEK = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
    private static final KeyBlock TDES_2KEY_ZMK = HSM.known(KeyType.ZMK, KeyScheme.TDES_2KEY, TDES_2KEY_KEK).keyBlock();
    private static final KeyBlock TPK = HSM.generate(KeyType.TPK, KeyScheme.TDES_3KEY).keyBlock();
    private static final KeyBlock ENCRYPT_ONLY_KEK = importedKek(ModeOfUse.E);
    private static final byte[] TDES_KEY = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);

    static Stream<Arguments> refusedKeyBlocks() {
        String tak = wrap(KeyBlockVersion.B, KeyUsage.M3, KeyAlgorithm.TDES, ModeOfUse.C, Exportability.E, TDES_KEY);
        String tpk = wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.B, Exportability.E, TDES_KEY);
        String storage = Tr31KeyBlocks.wrap(TDES_KEK, new Tr31Header(KeyBlockVersion.B, "S0", 'T', 'B', "00", 'E', "00",
                List.of()), TDES_KEY, null);
        String oddMode = wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.S, Exportability.E, TDES_KEY);
        String aes256 = wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.AES, ModeOfUse.B, Exportability.E,
                KnownLmkHsm.randomKey(KeyScheme.AES_256));
        String versionD = wrap(KeyBlockVersion.D, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.B, Exportability.E, TDES_KEY);
        String tdes3Key = Tr31KeyBlocks.wrap(TDES_2KEY_KEK, Tr31Header.of(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES,
                ModeOfUse.B, Exportability.E), KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY), null);
        return Stream.of(
                Arguments.of("M3 block as a TPK", KeyType.TPK, TDES_ZMK, tak, new KeyImportResult.UsageMismatch(KeyType.TPK, "M3")),
                Arguments.of("P0 block as a TAK", KeyType.TAK, TDES_ZMK, tpk, new KeyImportResult.UsageMismatch(KeyType.TAK, "P0")),
                Arguments.of("unknown usage S0", KeyType.TPK, TDES_ZMK, storage,
                        new KeyImportResult.UsageMismatch(KeyType.TPK, "S0")),
                Arguments.of("mode of use S for a TPK", KeyType.TPK, TDES_ZMK, oddMode,
                        new KeyImportResult.UsageMismatch(KeyType.TPK, "P0 with mode of use S")),
                Arguments.of("KEK is a TPK", KeyType.TPK, TPK, tpk,
                        new KeyImportResult.KekRefused("the KEK may not unwrap keys (usage P0, mode B)")),
                Arguments.of("KEK may only encrypt", KeyType.TPK, ENCRYPT_ONLY_KEK, tpk,
                        new KeyImportResult.KekRefused("the KEK may not unwrap keys (usage K0, mode E)")),
                Arguments.of("version B under an AES KEK", KeyType.TPK, AES_ZMK, tpk,
                        new KeyImportResult.KekRefused("a version B key block needs a TDES KEK, not AES")),
                Arguments.of("version D under a TDES KEK", KeyType.TPK, TDES_ZMK, versionD,
                        new KeyImportResult.KekRefused("a version D key block needs an AES KEK, not TDES")),
                Arguments.of("AES-256 key under a TDES KEK", KeyType.TPK, TDES_ZMK, aes256,
                        new KeyImportResult.KekRefused("a 112-bit KEK cannot protect a 256-bit key")),
                Arguments.of("3-key TDES key under a 2-key KEK", KeyType.TPK, TDES_2KEY_ZMK, tdes3Key,
                        new KeyImportResult.KekRefused("an 80-bit KEK cannot protect a 112-bit key")),
                Arguments.of("empty", KeyType.TPK, TDES_ZMK, "", new KeyImportResult.Malformed("the key block is empty")),
                Arguments.of("null", KeyType.TPK, TDES_ZMK, null, new KeyImportResult.Malformed("the key block is empty")),
                Arguments.of("version E", KeyType.TPK, TDES_ZMK, "E" + tpk.substring(1),
                        new KeyImportResult.Malformed("unsupported key block version 'E'")),
                Arguments.of("one character short", KeyType.TPK, TDES_ZMK, tpk.substring(0, tpk.length() - 1),
                        new KeyImportResult.Malformed("header length field says 80 but the key block has 79 characters")),
                Arguments.of("non-hex body", KeyType.TPK, TDES_ZMK, tpk.substring(0, 20) + "X" + tpk.substring(21),
                        new KeyImportResult.Malformed("key block has a non-hexadecimal character at position 21")),
                Arguments.of("header only", KeyType.TPK, TDES_ZMK, tpk.substring(0, 16),
                        new KeyImportResult.Malformed("header length field says 80 but the key block has 16 characters")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedKeyBlocks")
    void refusesAKeyBlockWithTheExactResult(String what, KeyType type, KeyBlock kek, String keyBlock,
                                            KeyImportResult expected) {
        assertThat(HSM.hsm().keyImport().importKeyBlock(type, kek, keyBlock)).isEqualTo(expected);
    }

    static Stream<Arguments> refusedCryptograms() {
        byte[] kek = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        KeyBlock zmk = HSM.known(KeyType.ZMK, KeyScheme.TDES_2KEY, kek).keyBlock();
        KeyBlock desZmk = HSM.generate(KeyType.ZMK, KeyScheme.DES_SINGLE).keyBlock();
        String cryptogram = Hex.encode(BlockCipherKey.of(KeyAlgorithm.TDES, kek)
                .encryptEcb(TDES_KEY));
        KeyCheckValue right = KnownLmkHsm.checkValue(KeyAlgorithm.TDES, TDES_KEY);
        KeyCheckValue wrong = new KeyCheckValue(right.hex().startsWith("00") ? "FFFFFF" : "000000");
        KeyCheckValue nineBytes = new KeyCheckValue(right.hex() + "000000000000");
        return Stream.of(
                Arguments.of("wrong check value", KeyScheme.TDES_2KEY, zmk, cryptogram, wrong,
                        new KeyImportResult.CheckValueMismatch()),
                Arguments.of("KEK is a TPK", KeyScheme.TDES_2KEY, TPK, cryptogram, right, new KeyImportResult.KekRefused(
                        "a legacy cryptogram needs a DES/TDES key-encryption key that may decrypt")),
                Arguments.of("KEK may only encrypt", KeyScheme.TDES_2KEY, ENCRYPT_ONLY_KEK, cryptogram, right,
                        new KeyImportResult.KekRefused("a legacy cryptogram needs a DES/TDES key-encryption key that may decrypt")),
                Arguments.of("AES KEK", KeyScheme.TDES_2KEY, AES_ZMK, cryptogram, right, new KeyImportResult.KekRefused(
                        "a legacy cryptogram needs a DES/TDES key-encryption key that may decrypt")),
                Arguments.of("AES key", KeyScheme.AES_128, zmk, cryptogram, right, new KeyImportResult.KekRefused(
                        "a legacy cryptogram needs a DES/TDES key-encryption key that may decrypt")),
                Arguments.of("2-key key under a DES KEK", KeyScheme.TDES_2KEY, desZmk, cryptogram, right,
                        new KeyImportResult.KekRefused("a 56-bit KEK cannot protect an 80-bit key")),
                Arguments.of("odd number of digits", KeyScheme.TDES_2KEY, zmk, cryptogram.substring(1), right,
                        new KeyImportResult.Malformed("the cryptogram must be 32 hexadecimal digits")),
                Arguments.of("3-key length for a 2-key key", KeyScheme.TDES_2KEY, zmk, cryptogram + "0011223344556677", right,
                        new KeyImportResult.Malformed("the cryptogram must be 32 hexadecimal digits")),
                Arguments.of("non-hex", KeyScheme.TDES_2KEY, zmk, "G" + cryptogram.substring(1), right,
                        new KeyImportResult.Malformed("the cryptogram must be 32 hexadecimal digits")),
                Arguments.of("null", KeyScheme.TDES_2KEY, zmk, null, right,
                        new KeyImportResult.Malformed("the cryptogram must be 32 hexadecimal digits")),
                Arguments.of("2-byte check value", KeyScheme.TDES_2KEY, zmk, cryptogram, right.truncate(2),
                        new KeyImportResult.Malformed("the check value must be 3 to 8 bytes, not 2")),
                Arguments.of("9-byte check value", KeyScheme.TDES_2KEY, zmk, cryptogram, nineBytes,
                        new KeyImportResult.Malformed("the check value must be 3 to 8 bytes, not 9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCryptograms")
    void refusesALegacyCryptogramWithTheExactResult(String what, KeyScheme scheme, KeyBlock kek, String cryptogram,
                                                    KeyCheckValue checkValue, KeyImportResult expected) {
        assertThat(HSM.hsm().keyImport().importCryptogram(KeyType.TPK, scheme, kek, cryptogram, checkValue))
                .isEqualTo(expected);
    }

    private static KeyBlock importedKek(ModeOfUse mode) {
        String block = wrap(KeyBlockVersion.B, KeyUsage.K0, KeyAlgorithm.TDES, mode, Exportability.E,
                KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY));
        return ((KeyImportResult.Imported) HSM.hsm().keyImport().importKeyBlock(KeyType.ZMK, TDES_ZMK, block)).key()
                .keyBlock();
    }
}
