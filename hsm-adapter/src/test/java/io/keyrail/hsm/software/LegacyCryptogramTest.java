package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys sent and received as legacy TDES-ECB cryptograms with a check value (CUP sign-in, field 62). */
class LegacyCryptogramTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final byte[] KEK = KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY);
    private static final KeyBlock ZMK = HSM.known(KeyType.ZMK, KeyScheme.TDES_3KEY, KEK).keyBlock();
    private static final BlockCipherKey KEK_CIPHER = BlockCipherKey.of(KeyAlgorithm.TDES, KEK);

    /** Published DES/TDES keys whose whole enciphered zero block kcv.json gives. */
    static Stream<Vector> publishedZeroBlocks() {
        return KnownAnswerVectors.of("kcv", "DES-KCV", "TDES-KCV").filter(v -> v.hasExpected("zero_block_ciphertext"));
    }

    /**
     * Known answer from published values: under a published key K, the cryptogram of the all-zero key
     * of K's length is E(K, 0^8) repeated, and the all-zero key's check value is the published KCV of
     * the zero DES key (vector des-zero-key: 8CA64D, E(0, 0^8) = 8CA64DE9C1B123A7).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("publishedZeroBlocks")
    void importsAndExportsTheZeroKeyUnderAPublishedKekAsThePublishedZeroBlocks(Vector v) {
        byte[] kek = Hex.decode(v.input("key"));
        KeyScheme scheme = KeyScheme.of(kek.length == 8 ? KeyAlgorithm.DES : KeyAlgorithm.TDES, kek.length);
        KeyBlock zmk = HSM.known(KeyType.ZMK, scheme, kek).keyBlock();
        String cryptogram = v.expected("zero_block_ciphertext").repeat(kek.length / 8);
        Vector zeroKey = KnownAnswerVectors.of("kcv", "DES-KCV").filter(z -> z.id().equals("des-zero-key")).findFirst()
                .orElseThrow();

        KeyImportResult imported = HSM.hsm().keyImport().importCryptogram(KeyType.TPK, scheme, zmk, cryptogram,
                new KeyCheckValue(zeroKey.expected("kcv")));

        assertThat(imported).isInstanceOf(KeyImportResult.Imported.class);
        GeneratedKey key = ((KeyImportResult.Imported) imported).key();
        assertThat(HSM.clearKey(key.keyBlock())).isEqualTo(new byte[kek.length]);
        assertThat(key.checkValue()).isEqualTo(new KeyCheckValue(zeroKey.expected("kcv")));
        assertThat(HSM.hsm().keyExport().exportCryptogram(key.keyBlock(), zmk)).isEqualTo(new KeyExportResult.Exported(
                cryptogram, new KeyCheckValue(zeroKey.expected("zero_block_ciphertext").substring(0, 8))));
    }

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"DES_SINGLE", "TDES_2KEY", "TDES_3KEY"})
    void importsTheKeyACryptogramCarriesWhenItsCheckValueMatches(KeyScheme scheme) {
        byte[] key = KnownLmkHsm.randomKey(scheme);
        String cryptogram = Hex.encode(KEK_CIPHER.encryptEcb(key)).toLowerCase();

        KeyImportResult result = HSM.hsm().keyImport().importCryptogram(KeyType.ZPK, scheme, ZMK, cryptogram,
                KnownLmkHsm.checkValue(scheme.algorithm(), key));

        assertThat(result).isInstanceOf(KeyImportResult.Imported.class);
        GeneratedKey imported = ((KeyImportResult.Imported) result).key();
        assertThat(HSM.clearKey(imported.keyBlock())).isEqualTo(key);
        assertThat(imported.type()).isEqualTo(KeyType.ZPK);
        assertThat(imported.keyBlock().usage()).isEqualTo(KeyType.ZPK.usage());
        assertThat(imported.keyBlock().modeOfUse()).isEqualTo(KeyType.ZPK.modeOfUse());
        assertThat(imported.keyBlock().algorithm()).isEqualTo(scheme.algorithm());
        assertThat(imported.checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), key));
    }

    @ParameterizedTest(name = "{0}-byte check value")
    @ValueSource(ints = {3, 4, 5, 8})
    void comparesTheCheckValueOnTheLengthItWasSent(int length) {
        byte[] key = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        KeyCheckValue full = new KeyCheckValue(Hex.encode(BlockCipherKey.of(KeyAlgorithm.TDES, key).encryptEcb(new byte[8])));

        assertThat(HSM.hsm().keyImport().importCryptogram(KeyType.TAK, KeyScheme.TDES_2KEY, ZMK,
                Hex.encode(KEK_CIPHER.encryptEcb(key)), full.truncate(length))).isInstanceOf(KeyImportResult.Imported.class);
    }

    @Test
    void refusesAKeyWhoseCheckValueDoesNotMatch() {
        byte[] key = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        byte[] other = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);

        assertThat(HSM.hsm().keyImport().importCryptogram(KeyType.TAK, KeyScheme.TDES_2KEY, ZMK,
                Hex.encode(KEK_CIPHER.encryptEcb(key)), KnownLmkHsm.checkValue(KeyAlgorithm.TDES, other)))
                .isEqualTo(new KeyImportResult.CheckValueMismatch());
    }

    @ParameterizedTest
    @EnumSource(value = KeyScheme.class, names = {"DES_SINGLE", "TDES_2KEY", "TDES_3KEY"})
    void exportsTheKeyAsItsTdesEcbCryptogramWithAFourByteCheckValue(KeyScheme scheme) {
        GeneratedKey tpk = HSM.generate(KeyType.TPK, scheme);
        byte[] clear = HSM.clearKey(tpk.keyBlock());

        KeyExportResult result = HSM.hsm().keyExport().exportCryptogram(tpk.keyBlock(), ZMK);

        assertThat(result).isInstanceOf(KeyExportResult.Exported.class);
        KeyExportResult.Exported exported = (KeyExportResult.Exported) result;
        assertThat(KEK_CIPHER.decryptEcb(Hex.decode(exported.value(), "cryptogram"))).isEqualTo(clear);
        assertThat(exported.checkValue()).isEqualTo(new KeyCheckValue(Hex.encode(
                BlockCipherKey.of(scheme.algorithm(), clear).encryptEcb(new byte[8]), 0, 4)));
        assertThat(HSM.hsm().keyImport().importCryptogram(KeyType.TPK, scheme, ZMK, exported.value(),
                exported.checkValue())).isInstanceOf(KeyImportResult.Imported.class);
    }
}
