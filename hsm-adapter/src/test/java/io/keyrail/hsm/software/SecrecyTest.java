package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.api.pin.PrimaryAccountNumber;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Across a run of every operation, no text of any result or value type shows a clear key, PIN, PIN block or PAN. */
class SecrecyTest {

    private static final String PAN = "5413339000001513";
    private static final String PIN = "93017";

    private final KnownLmkHsm hsm = new KnownLmkHsm();
    private final List<Object> results = new ArrayList<>();
    private final List<String> secrets = new ArrayList<>();

    @Test
    void noResultOrValueTypeShowsAClearKeyPinBlockOrPan() {
        SoftwareHsm h = hsm.hsm();
        byte[] kek = KnownLmkHsm.randomKey(KeyScheme.TDES_3KEY);
        secret(kek);
        KeyBlock zmk = hsm.known(KeyType.ZMK, KeyScheme.TDES_3KEY, kek).keyBlock();
        KeyBlock tmk = keep(h.keyGeneration().generate(KeyType.TMK, KeyScheme.TDES_2KEY)).keyBlock();
        KeyBlock tpk = keep(h.keyGeneration().generate(KeyType.TPK, KeyScheme.TDES_2KEY)).keyBlock();
        KeyBlock zpk = keep(h.keyGeneration().generate(KeyType.ZPK, KeyScheme.AES_128)).keyBlock();
        KeyBlock tak = keep(h.keyGeneration().generate(KeyType.TAK, KeyScheme.TDES_2KEY)).keyBlock();
        keep(h.keyGeneration().generate(KeyType.BDK, KeyScheme.AES_256));

        ComponentRelease release = keep(h.keyComponents().generateComponents(KeyType.ZMK, KeyScheme.AES_256, 3));
        release.components().forEach(c -> secret(c.component().bytes(ClearKeyAccess.custodianCeremony())));
        keep(release.components().get(0));
        keep(h.keyComponents().formFromComponents(KeyType.ZMK, KeyScheme.AES_256, release.components()));
        keep(h.keyComponents().formFromComponents(KeyType.ZMK, KeyScheme.AES_256,
                List.of(release.components().get(0), release.components().get(0))));
        IssuedKeyResult issued = keep(h.workingKeyIssuance().issue(KeyType.TAK, KeyScheme.TDES_2KEY, tmk));
        keep(h.workingKeyIssuance().issue(KeyType.TAK, KeyScheme.TDES_2KEY, tak));
        keep(h.keyCheckValues().checkValue(tpk, KeyCheckValueMethod.ZEROS, 8));

        byte[] sent = KnownLmkHsm.randomKey(KeyScheme.TDES_2KEY);
        secret(sent);
        String block = Tr31KeyBlocks.wrap(kek, Tr31Header.of(KeyBlockVersion.B, KeyUsage.P0, KeyAlgorithm.TDES,
                ModeOfUse.B, Exportability.E), sent, null);
        keep(h.keyImport().importKeyBlock(KeyType.ZPK, zmk, block));
        keep(h.keyImport().importKeyBlock(KeyType.TAK, zmk, block));
        keep(h.keyImport().importKeyBlock(KeyType.ZPK, zmk, block.substring(0, 40) + "0" + block.substring(41)));
        keep(h.keyImport().importKeyBlock(KeyType.ZPK, zmk, block.substring(0, 50)));
        String cryptogram = Hex.encode(BlockCipherKey.of(KeyAlgorithm.TDES, kek).encryptEcb(sent));
        keep(h.keyImport().importCryptogram(KeyType.ZPK, KeyScheme.TDES_2KEY, zmk, cryptogram,
                KnownLmkHsm.checkValue(KeyAlgorithm.TDES, sent)));
        keep(h.keyImport().importCryptogram(KeyType.ZPK, KeyScheme.TDES_2KEY, zmk, cryptogram,
                new KeyCheckValue("000000")));
        keep(h.keyExport().exportKeyBlock(tpk, zmk, KeyBlockVersion.B));
        keep(h.keyExport().exportCryptogram(tpk, zmk));
        keep(h.keyExport().exportKeyBlock(tpk, tak, KeyBlockVersion.B));
        keep(h.lmkRotation().rewrap(tpk, KnownLmkHsm.NEXT_LMK_ID));

        byte[] pinBlock = Iso9564PinBlock.encipher(PinBlockFormat.ISO_0, BlockCipherKey.of(KeyAlgorithm.TDES,
                hsm.clearKey(tpk)), PIN, PAN, null);
        secrets.add(Hex.encode(pinBlock));
        PinTranslationRequest request = keep(new PinTranslationRequest(tpk, PinBlockFormat.ISO_0,
                EncryptedPinBlock.of(pinBlock), zpk, PinBlockFormat.ISO_4, new PrimaryAccountNumber(PAN)));
        Object translated = keep(h.pinTranslation().translate(request));
        secrets.add(((PinTranslationResult.Translated) translated).pinBlock().hex());
        keep(h.pinTranslation().translate(new PinTranslationRequest(tpk, PinBlockFormat.ISO_0,
                EncryptedPinBlock.of(new byte[8]), zpk, PinBlockFormat.ISO_4, new PrimaryAccountNumber(PAN))));
        keep(h.pinTranslation().translate(new PinTranslationRequest(tak, PinBlockFormat.ISO_0,
                EncryptedPinBlock.of(pinBlock), zpk, PinBlockFormat.ISO_4, new PrimaryAccountNumber(PAN))));
        keep(h.macGeneration().generate(tak, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, PAN.getBytes()));
        keep(h.macVerification().verify(tak, MacAlgorithm.CUP_ECB, null, PAN.getBytes(), new byte[8]));
        keep(h.macGeneration().generate(tpk, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, PAN.getBytes()));
        keep(h);
        keep(LmkRing.of(Map.of("a", hsm.lmk(KnownLmkHsm.LMK_ID)), null));
        secret(hsm.lmk(KnownLmkHsm.LMK_ID));
        secret(hsm.lmk(KnownLmkHsm.NEXT_LMK_ID));
        for (Object result : results) {
            if (result instanceof GeneratedKey g) {
                secret(hsm.clearKey(g.keyBlock()));
            } else if (result instanceof ComponentFormation.Formed f) {
                secret(hsm.clearKey(f.key().keyBlock()));
            } else if (result instanceof KeyImportResult.Imported i) {
                secret(hsm.clearKey(i.key().keyBlock()));
            } else if (result instanceof IssuedKeyResult.Issued i) {
                secret(hsm.clearKey(i.key().keyBlock()));
            }
        }
        secret(hsm.clearKey(((IssuedKeyResult.Issued) issued).key().keyBlock()));

        assertThat(results).hasSizeGreaterThan(30);
        for (Object result : results) {
            String text = result.toString();
            for (String secret : secrets) {
                assertThat(text).as("text of %s", result.getClass().getSimpleName())
                        .doesNotContainIgnoringCase(secret).doesNotContainIgnoringCase(secret.substring(0, 12));
            }
            assertThat(text).doesNotContain(PAN).doesNotContain(PAN.substring(6, 12));
        }
    }

    private <T> T keep(T result) {
        results.add(result);
        return result;
    }

    private void secret(byte[] key) {
        secrets.add(Hex.encode(key));
    }
}
