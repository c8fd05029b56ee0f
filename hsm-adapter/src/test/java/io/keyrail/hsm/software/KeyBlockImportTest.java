package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Import of TR-31 / ANSI X9.143 key blocks (versions A, B, C, D) sent under a KEK the HSM holds. */
class KeyBlockImportTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    static final byte[] TDES_KEK = KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY);
    static final byte[] AES_KEK = KnownLmkHsm.randomKey(KeyScheme.AES_256);
    private static final KeyBlock TDES_ZMK = HSM.known(KeyType.ZMK, KeyScheme.TDES_3KEY, TDES_KEK).keyBlock();
    private static final KeyBlock AES_ZMK = HSM.known(KeyType.ZMK, KeyScheme.AES_256, AES_KEK).keyBlock();

    static Stream<Vector> publishedKeyBlocks() {
        return KnownAnswerVectors.of("tr31");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedKeyBlocks")
    void importsThePublishedKeyBlockUnderItsPublishedKbpk(Vector v) {
        byte[] kbpk = Hex.decode(v.input("kbpk"));
        boolean aes = v.expected("key_block").charAt(0) == 'D';
        KeyBlock kek = HSM.known(KeyType.ZMK, KeyScheme.of(aes ? KeyAlgorithm.AES : KeyAlgorithm.TDES, kbpk.length), kbpk)
                .keyBlock();
        Tr31Header published = Tr31Header.parse(v.input("header"));
        KeyType type = typeFor(published.usage());

        KeyImportResult result = HSM.hsm().keyImport().importKeyBlock(type, kek, v.expected("key_block"));

        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        KeyBlock imported = ((KeyImportResult.Imported) result).key().keyBlock();
        assertThat(Hex.encode(HSM.clearKey(imported))).isEqualTo(v.input("key"));
        assertThat(imported.usage()).isEqualTo(published.usage());
        assertThat(imported.algorithm()).isEqualTo(published.keyAlgorithm());
        if (v.hasExpected("kcv")) {
            KeyCheckValue kcv = ((KeyImportResult.Imported) result).key().checkValue();
            assertThat(kcv.hex()).startsWith(v.expected("kcv"));
        }
    }

    private static KeyType typeFor(KeyUsage usage) {
        return switch (usage) {
            case P0 -> KeyType.TPK;
            case K0 -> KeyType.ZMK;
            case B0 -> KeyType.BDK;
            case D0 -> KeyType.TDK;
            case M3 -> KeyType.TAK;
            default -> throw new IllegalStateException("no key type for usage " + usage);
        };
    }

    @ParameterizedTest(name = "version {0}")
    @EnumSource(KeyBlockVersion.class)
    void importsAKeyWrappedInTheTestUnderTheKekWithTheRightCheckValue(KeyBlockVersion version) {
        KeyScheme scheme = version == KeyBlockVersion.D ? KeyScheme.AES_128 : KeyScheme.TDES_2KEY;
        byte[] key = KnownLmkHsm.randomKey(scheme);

        KeyImportResult result = HSM.hsm().keyImport().importKeyBlock(KeyType.ZPK, kekFor(version),
                wrap(version, KeyUsage.P0, scheme.algorithm(), ModeOfUse.B, Exportability.E, key));

        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        KeyImportResult.Imported imported = (KeyImportResult.Imported) result;
        assertThat(imported.key().type()).isEqualTo(KeyType.ZPK);
        assertThat(imported.key().checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), key));
        assertThat(HSM.clearKey(imported.key().keyBlock())).isEqualTo(key);
        assertThat(imported.key().keyBlock().lmkId()).isEqualTo(KnownLmkHsm.LMK_ID);
        assertThat(imported.key().keyBlock().version()).isEqualTo(KeyBlockVersion.D);
    }

    static Stream<Arguments> sendersBindings() {
        return Stream.of(
                Arguments.of(KeyType.TPK, KeyUsage.P0, ModeOfUse.E, Exportability.E, ModeOfUse.E, Exportability.E),
                Arguments.of(KeyType.TPK, KeyUsage.P0, ModeOfUse.N, Exportability.N, ModeOfUse.B, Exportability.N),
                Arguments.of(KeyType.TAK, KeyUsage.M3, ModeOfUse.V, Exportability.S, ModeOfUse.V, Exportability.S),
                Arguments.of(KeyType.TAK, KeyUsage.M1, ModeOfUse.C, Exportability.E, ModeOfUse.C, Exportability.E),
                Arguments.of(KeyType.BDK, KeyUsage.B0, ModeOfUse.X, Exportability.E, ModeOfUse.X, Exportability.N),
                Arguments.of(KeyType.ZMK, KeyUsage.K0, ModeOfUse.D, Exportability.E, ModeOfUse.D, Exportability.E));
    }

    @ParameterizedTest(name = "{0} sent as {1} {2} {3}")
    @MethodSource("sendersBindings")
    void keepsTheUsageAndTheNarrowerModeAndExportabilityOfTheBlockSent(KeyType type, KeyUsage usage, ModeOfUse mode,
                                                                      Exportability exportability, ModeOfUse keptMode,
                                                                      Exportability keptExportability) {
        byte[] key = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);

        KeyImportResult result = HSM.hsm().keyImport().importKeyBlock(type, TDES_ZMK,
                wrap(KeyBlockVersion.B, usage, KeyAlgorithm.TDES, mode, exportability, key));

        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        KeyBlock block = ((KeyImportResult.Imported) result).key().keyBlock();
        assertThat(block.usage()).isEqualTo(usage);
        assertThat(block.modeOfUse()).isEqualTo(keptMode);
        assertThat(block.exportability()).isEqualTo(keptExportability);
    }

    @Test
    void neverExportsAKeyThatWasSentAsNonExportable() {
        byte[] key = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        KeyBlock imported = ((KeyImportResult.Imported) HSM.hsm().keyImport().importKeyBlock(KeyType.ZPK, TDES_ZMK,
                wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.B, Exportability.N, key))).key().keyBlock();

        assertThat(HSM.hsm().keyExport().exportKeyBlock(imported, TDES_ZMK, KeyBlockVersion.B))
                .isEqualTo(new KeyExportResult.NotExportable());
        assertThat(HSM.hsm().keyExport().exportCryptogram(imported, TDES_ZMK)).isEqualTo(new KeyExportResult.NotExportable());
    }

    @ParameterizedTest(name = "version {0}")
    @EnumSource(KeyBlockVersion.class)
    void reportsAnAlteredKeyBlockAsAnIntegrityFailure(KeyBlockVersion version) {
        KeyScheme scheme = version == KeyBlockVersion.D ? KeyScheme.AES_128 : KeyScheme.TDES_2KEY;
        String block = wrap(version, KeyUsage.P0, scheme.algorithm(), ModeOfUse.B, Exportability.E,
                KnownLmkHsm.randomKey(scheme));
        int at = 20;
        String altered = block.substring(0, at) + (block.charAt(at) == '0' ? '1' : '0') + block.substring(at + 1);
        String otherMode = block.substring(0, 8) + 'E' + block.substring(9);

        assertThat(HSM.hsm().keyImport().importKeyBlock(KeyType.TPK, kekFor(version), altered))
                .isEqualTo(new KeyImportResult.IntegrityFailure());
        assertThat(HSM.hsm().keyImport().importKeyBlock(KeyType.TPK, kekFor(version), otherMode))
                .isEqualTo(new KeyImportResult.IntegrityFailure());
    }

    @Test
    void reportsAKeyBlockUnderAnotherKekAsAnIntegrityFailure() {
        KeyBlock otherZmk = HSM.generate(KeyType.ZMK, KeyScheme.TDES_3KEY).keyBlock();
        String block = wrap(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES, ModeOfUse.B, Exportability.E,
                KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY));

        assertThat(HSM.hsm().keyImport().importKeyBlock(KeyType.TPK, otherZmk, block))
                .isEqualTo(new KeyImportResult.IntegrityFailure());
    }

    static KeyBlock kekFor(KeyBlockVersion version) {
        return version == KeyBlockVersion.D ? AES_ZMK : TDES_ZMK;
    }

    /** {@code key} wrapped by the test itself under the KEK's clear value (TDES for A, B, C; AES for D). */
    static String wrap(KeyBlockVersion version, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode,
                       Exportability exportability, byte[] key) {
        byte[] kbpk = version == KeyBlockVersion.D ? AES_KEK : TDES_KEK;
        return Tr31KeyBlocks.wrap(kbpk, Tr31Header.of(version, usage, algorithm, mode, exportability), key, null);
    }
}
