package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.KeyBlockRejectedException;
import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacGenerationResult;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.api.mac.MacVerificationResult;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** LMK rotation: key blocks re-wrapped from the old LMK to the new one, keeping key and attributes. */
class LmkRotationTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final byte[] DATA = "0200 sign-in for terminal 12345678".getBytes(StandardCharsets.US_ASCII);

    @Test
    void namesTheLmkNewKeyBlocksAreWrappedUnder() {
        assertThat(HSM.hsm().lmkRotation().currentLmkId()).isEqualTo(KnownLmkHsm.LMK_ID);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void rewrapsUnderTheNewLmkTheSameKeyWithTheSameAttributes(KeyType type) {
        GeneratedKey key = HSM.generate(type, KeyScheme.TDES_2KEY);

        KeyBlock rewrapped = HSM.hsm().lmkRotation().rewrap(key.keyBlock(), KnownLmkHsm.NEXT_LMK_ID);

        assertThat(rewrapped.lmkId()).isEqualTo(KnownLmkHsm.NEXT_LMK_ID);
        assertThat(rewrapped.header()).isEqualTo(key.keyBlock().header());
        assertThat(HSM.clearKey(rewrapped)).isEqualTo(HSM.clearKey(key.keyBlock()));
        assertThat(HSM.header(rewrapped)).isEqualTo(HSM.header(key.keyBlock()));
        assertThat(Tr31KeyBlocks.unwrap(HSM.lmk(KnownLmkHsm.LMK_ID), rewrapped.value()))
                .isInstanceOf(Tr31Unwrapping.MacMismatch.class);
        assertThat(HSM.hsm().keyCheckValues().checkValue(rewrapped, KeyCheckValueMethod.ZEROS, 3))
                .isEqualTo(key.checkValue());
    }

    @Test
    void givesTheSameMacAnswersWithTheOldAndTheNewBlock() {
        KeyBlock old = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock rewrapped = HSM.hsm().lmkRotation().rewrap(old, KnownLmkHsm.NEXT_LMK_ID);
        byte[] mac = ((MacGenerationResult.Generated) HSM.hsm().macGeneration()
                .generate(old, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA)).mac();

        assertThat(HSM.hsm().macVerification().verify(rewrapped, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA, mac))
                .isEqualTo(new MacVerificationResult.Verified());
        assertThat(HSM.hsm().macGeneration().generate(rewrapped, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA))
                .isInstanceOfSatisfying(MacGenerationResult.Generated.class, g -> assertThat(g.mac()).isEqualTo(mac));
        mac[0] ^= 1;
        assertThat(HSM.hsm().macVerification().verify(rewrapped, MacAlgorithm.ANSI_X9_19, MacPadding.METHOD_1, DATA, mac))
                .isEqualTo(new MacVerificationResult.Mismatch());
    }

    @Test
    void rewrapsBackToTheOldLmkAsWell() {
        GeneratedKey key = HSM.generate(KeyType.ZPK, KeyScheme.AES_256);
        KeyBlock there = HSM.hsm().lmkRotation().rewrap(key.keyBlock(), KnownLmkHsm.NEXT_LMK_ID);

        KeyBlock back = HSM.hsm().lmkRotation().rewrap(there, KnownLmkHsm.LMK_ID);

        assertThat(back.lmkId()).isEqualTo(KnownLmkHsm.LMK_ID);
        assertThat(HSM.clearKey(back)).isEqualTo(HSM.clearKey(key.keyBlock()));
    }

    @Test
    void opensTheNewBlockOnlyUnderTheLmkItNames() {
        KeyBlock rewrapped = HSM.hsm().lmkRotation().rewrap(HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock(),
                KnownLmkHsm.NEXT_LMK_ID);
        KeyBlock misnamed = new KeyBlock(KnownLmkHsm.LMK_ID, rewrapped.value());

        assertThatThrownBy(() -> HSM.hsm().keyCheckValues().checkValue(misnamed, KeyCheckValueMethod.ZEROS, 3))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessage("key block " + rewrapped.header() + " fails its integrity check under LMK " + KnownLmkHsm.LMK_ID);
    }

    @Test
    void rejectsATargetLmkItDoesNotHold() {
        KeyBlock key = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();

        assertThatThrownBy(() -> HSM.hsm().lmkRotation().rewrap(key, "lmk-2099"))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessage("key block is under LMK lmk-2099, which this HSM does not hold");
    }

    @Test
    void rejectsAKeyBlockWhoseBodyWasAlteredWithoutNamingAnyKeyMaterial() {
        KeyBlock key = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        String value = key.value();
        int at = 30;
        KeyBlock altered = new KeyBlock(key.lmkId(),
                value.substring(0, at) + (value.charAt(at) == 'A' ? 'B' : 'A') + value.substring(at + 1));
        String clear = Hex.encode(HSM.clearKey(key));

        assertThatThrownBy(() -> HSM.hsm().lmkRotation().rewrap(altered, KnownLmkHsm.NEXT_LMK_ID))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessage("key block " + key.header() + " fails its integrity check under LMK " + KnownLmkHsm.LMK_ID)
                .hasMessageNotContaining(clear.substring(0, 8))
                .hasMessageNotContaining(value.substring(16, 32))
                .satisfies(e -> assertThat(((KeyBlockRejectedException) e).retriable()).isFalse());
    }

    @Test
    void rejectsAMalformedKeyBlockNamingTheFaultOnly() {
        KeyBlock key = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock truncated = new KeyBlock(key.lmkId(), key.value().substring(0, key.value().length() - 2));

        assertThatThrownBy(() -> HSM.hsm().lmkRotation().rewrap(truncated, KnownLmkHsm.NEXT_LMK_ID))
                .isInstanceOf(KeyBlockRejectedException.class)
                .hasMessage("key block under LMK " + KnownLmkHsm.LMK_ID + " is malformed: header length field says "
                        + key.value().length() + " but the key block has " + (key.value().length() - 2) + " characters");
    }

    @Test
    void aSecondHsmHoldingOnlyTheNewLmkOpensTheRewrappedBlock() {
        KeyBlock key = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock rewrapped = HSM.hsm().lmkRotation().rewrap(key, KnownLmkHsm.NEXT_LMK_ID);
        SoftwareHsm successor = SoftwareHsm.create(LmkRing.of(Map.of(KnownLmkHsm.NEXT_LMK_ID,
                HSM.lmk(KnownLmkHsm.NEXT_LMK_ID)), null));

        assertThat(successor.keyCheckValues().checkValue(rewrapped, KeyCheckValueMethod.ZEROS, 3))
                .isEqualTo(HSM.hsm().keyCheckValues().checkValue(key, KeyCheckValueMethod.ZEROS, 3));
        assertThatThrownBy(() -> successor.keyCheckValues().checkValue(key, KeyCheckValueMethod.ZEROS, 3))
                .isInstanceOf(KeyBlockRejectedException.class);
    }
}
