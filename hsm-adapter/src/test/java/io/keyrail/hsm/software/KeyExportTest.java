package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Export of keys under a key-encryption key as TR-31 key blocks (versions B and D), within their exportability. */
class KeyExportTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final byte[] TDES_KEK = KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY);
    private static final byte[] AES_KEK = KnownLmkHsm.randomKey(KeyScheme.AES_256);
    private static final KeyBlock TDES_ZMK = HSM.known(KeyType.ZMK, KeyScheme.TDES_3KEY, TDES_KEK).keyBlock();
    private static final KeyBlock AES_TMK = HSM.known(KeyType.TMK, KeyScheme.AES_256, AES_KEK).keyBlock();

    static Stream<Arguments> exports() {
        return Stream.of(
                Arguments.of(KeyType.ZPK, KeyScheme.TDES_2KEY, KeyBlockVersion.B),
                Arguments.of(KeyType.TAK, KeyScheme.TDES_3KEY, KeyBlockVersion.B),
                Arguments.of(KeyType.TPK, KeyScheme.DES_SINGLE, KeyBlockVersion.B),
                Arguments.of(KeyType.ZPK, KeyScheme.TDES_2KEY, KeyBlockVersion.D),
                Arguments.of(KeyType.TMK, KeyScheme.AES_128, KeyBlockVersion.D),
                Arguments.of(KeyType.TDK, KeyScheme.AES_256, KeyBlockVersion.D));
    }

    @ParameterizedTest(name = "{0} {1} as version {2}")
    @MethodSource("exports")
    void exportsAKeyBlockThatOpensUnderTheKekToTheSameKeyAndAttributes(KeyType type, KeyScheme scheme,
                                                                        KeyBlockVersion version) {
        GeneratedKey key = HSM.generate(type, scheme);
        byte[] kek = version == KeyBlockVersion.D ? AES_KEK : TDES_KEK;

        KeyExportResult result = HSM.hsm().keyExport().exportKeyBlock(key.keyBlock(),
                version == KeyBlockVersion.D ? AES_TMK : TDES_ZMK, version);

        assertThat(result).isInstanceOf(KeyExportResult.Exported.class);
        KeyExportResult.Exported exported = (KeyExportResult.Exported) result;
        assertThat(exported.value()).startsWith(String.valueOf(version.code()));
        assertThat(exported.checkValue()).isEqualTo(key.checkValue());
        Tr31Unwrapping unwrapped = Tr31KeyBlocks.unwrap(kek, exported.value());
        assertThat(unwrapped).isInstanceOf(Tr31Unwrapping.Unwrapped.class);
        Tr31Unwrapping.Unwrapped u = (Tr31Unwrapping.Unwrapped) unwrapped;
        assertThat(u.key()).isEqualTo(HSM.clearKey(key.keyBlock()));
        Tr31Header header = u.header();
        assertThat(header.version()).isEqualTo(version);
        assertThat(header.usage()).isEqualTo(type.usage());
        assertThat(header.mode()).isEqualTo(type.modeOfUse());
        assertThat(header.exportabilityCode()).isEqualTo(type.exportability());
        assertThat(header.keyAlgorithm()).isEqualTo(scheme.algorithm());
    }

    @ParameterizedTest
    @EnumSource(value = KeyBlockVersion.class, names = {"B", "D"})
    void exportedKeyBlockImportsBackAsTheSameKey(KeyBlockVersion version) {
        GeneratedKey key = HSM.generate(KeyType.ZPK, KeyScheme.TDES_2KEY);
        KeyBlock kek = version == KeyBlockVersion.D ? AES_TMK : TDES_ZMK;
        String exported = ((KeyExportResult.Exported) HSM.hsm().keyExport().exportKeyBlock(key.keyBlock(), kek, version))
                .value();

        KeyImportResult result = HSM.hsm().keyImport().importKeyBlock(KeyType.ZPK, kek, exported);

        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        assertThat(((KeyImportResult.Imported) result).key().checkValue()).isEqualTo(key.checkValue());
    }

    static Stream<Arguments> refusedExports() {
        KeyBlock bdk = HSM.generate(KeyType.BDK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock aesKey = HSM.generate(KeyType.ZPK, KeyScheme.AES_256).keyBlock();
        KeyBlock tdesKey = HSM.generate(KeyType.ZPK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tdes3Key = HSM.generate(KeyType.ZPK, KeyScheme.TDES_3KEY).keyBlock();
        KeyBlock tdes2KeyZmk = HSM.generate(KeyType.ZMK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock aes128Zmk = HSM.generate(KeyType.ZMK, KeyScheme.AES_128).keyBlock();
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_3KEY).keyBlock();
        KeyBlock tpk = HSM.generate(KeyType.TPK, KeyScheme.TDES_3KEY).keyBlock();
        return Stream.of(
                Arguments.of("a BDK", bdk, TDES_ZMK, KeyBlockVersion.B, new KeyExportResult.NotExportable()),
                Arguments.of("a BDK under an AES KEK", bdk, AES_TMK, KeyBlockVersion.D, new KeyExportResult.NotExportable()),
                Arguments.of("AES-256 key under a TDES KEK", aesKey, TDES_ZMK, KeyBlockVersion.B,
                        new KeyExportResult.KekRefused("a 112-bit KEK cannot protect a 256-bit key")),
                Arguments.of("3-key key under a 2-key KEK", tdes3Key, tdes2KeyZmk, KeyBlockVersion.B,
                        new KeyExportResult.KekRefused("an 80-bit KEK cannot protect a 112-bit key")),
                Arguments.of("under a TAK", tdesKey, tak, KeyBlockVersion.B,
                        new KeyExportResult.KekRefused("the KEK may not wrap keys (usage M3, mode C)")),
                Arguments.of("under a TPK", tdesKey, tpk, KeyBlockVersion.B,
                        new KeyExportResult.KekRefused("the KEK may not wrap keys (usage P0, mode B)")),
                Arguments.of("version D under a TDES KEK", tdesKey, TDES_ZMK, KeyBlockVersion.D,
                        new KeyExportResult.KekRefused("a version D key block needs an AES KEK, not TDES")),
                Arguments.of("version B under an AES-128 KEK", tdesKey, aes128Zmk, KeyBlockVersion.B,
                        new KeyExportResult.KekRefused("a version B key block needs a TDES KEK, not AES")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedExports")
    void refusesAKeyBlockExportWithTheExactResult(String what, KeyBlock key, KeyBlock kek, KeyBlockVersion version,
                                                  KeyExportResult expected) {
        assertThat(HSM.hsm().keyExport().exportKeyBlock(key, kek, version)).isEqualTo(expected);
    }

    static Stream<Arguments> refusedCryptogramExports() {
        KeyBlock bdk = HSM.generate(KeyType.BDK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock aesKey = HSM.generate(KeyType.ZPK, KeyScheme.AES_128).keyBlock();
        KeyBlock tdesKey = HSM.generate(KeyType.ZPK, KeyScheme.TDES_3KEY).keyBlock();
        KeyBlock tdes2KeyTmk = HSM.generate(KeyType.TMK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_3KEY).keyBlock();
        return Stream.of(
                Arguments.of("a BDK", bdk, TDES_ZMK, new KeyExportResult.NotExportable()),
                Arguments.of("an AES key", aesKey, TDES_ZMK, new KeyExportResult.KekRefused(
                        "a legacy cryptogram is TDES-ECB: the key and the master key must be DES or TDES")),
                Arguments.of("under an AES KEK", tdesKey, AES_TMK, new KeyExportResult.KekRefused(
                        "a legacy cryptogram is TDES-ECB: the key and the master key must be DES or TDES")),
                Arguments.of("3-key key under a 2-key KEK", tdesKey, tdes2KeyTmk,
                        new KeyExportResult.KekRefused("an 80-bit KEK cannot protect a 112-bit key")),
                Arguments.of("under a TAK", tdesKey, tak, new KeyExportResult.KekRefused(
                        "the master key is not a key-encryption key that may wrap (usage M3, mode C)")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCryptogramExports")
    void refusesACryptogramExportWithTheExactResult(String what, KeyBlock key, KeyBlock kek, KeyExportResult expected) {
        assertThat(HSM.hsm().keyExport().exportCryptogram(key, kek)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = KeyBlockVersion.class, names = {"A", "C"})
    void refusesToExportAsAVariantBindingVersion(KeyBlockVersion version) {
        KeyBlock key = HSM.generate(KeyType.ZPK, KeyScheme.TDES_2KEY).keyBlock();

        assertThatThrownBy(() -> HSM.hsm().keyExport().exportKeyBlock(key, TDES_ZMK, version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("keys are exported as TR-31 version B or D, not " + version);
    }

    @Test
    void exportsAKeyBlockWhoseTextNamesNoClearKey() {
        GeneratedKey key = HSM.generate(KeyType.ZPK, KeyScheme.TDES_2KEY);
        KeyExportResult result = HSM.hsm().keyExport().exportKeyBlock(key.keyBlock(), TDES_ZMK, KeyBlockVersion.B);

        String clear = Hex.encode(HSM.clearKey(key.keyBlock()));
        assertThat(result.toString()).doesNotContain(clear).doesNotContain(clear.substring(0, 16));
    }
}
