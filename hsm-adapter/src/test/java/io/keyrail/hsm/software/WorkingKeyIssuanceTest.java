package io.keyrail.hsm.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyrail.hsm.api.key.GeneratedKey;
import io.keyrail.hsm.api.key.IssuedKeyResult;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign-in: a working key generated, held under the LMK and sent as a TDES-ECB cryptogram under the TMK. */
class WorkingKeyIssuanceTest {

    private static final KnownLmkHsm HSM = new KnownLmkHsm();
    private static final KeyBlock TMK_2KEY = HSM.generate(KeyType.TMK, KeyScheme.TDES_2KEY).keyBlock();
    private static final KeyBlock TMK_3KEY = HSM.generate(KeyType.TMK, KeyScheme.TDES_3KEY).keyBlock();

    static Stream<Arguments> issuable() {
        return Stream.of(
                Arguments.of(KeyType.TPK, KeyScheme.TDES_2KEY, TMK_2KEY),
                Arguments.of(KeyType.TAK, KeyScheme.TDES_2KEY, TMK_2KEY),
                Arguments.of(KeyType.TDK, KeyScheme.TDES_2KEY, TMK_2KEY),
                Arguments.of(KeyType.TAK, KeyScheme.DES_SINGLE, TMK_2KEY),
                Arguments.of(KeyType.TPK, KeyScheme.TDES_3KEY, TMK_3KEY),
                Arguments.of(KeyType.TAK, KeyScheme.TDES_2KEY, TMK_3KEY));
    }

    @ParameterizedTest(name = "{0} {1} under {2}")
    @MethodSource("issuable")
    void sendsUnderTheMasterKeyTheSameKeyItHoldsUnderTheLmk(KeyType type, KeyScheme scheme, KeyBlock tmk) {
        IssuedKeyResult result = HSM.hsm().workingKeyIssuance().issue(type, scheme, tmk);

        assertThat(result).isInstanceOf(IssuedKeyResult.Issued.class);
        IssuedKeyResult.Issued issued = (IssuedKeyResult.Issued) result;
        byte[] clear = HSM.clearKey(issued.key().keyBlock());
        BlockCipherKey tmkCipher = BlockCipherKey.of(KeyAlgorithm.TDES, HSM.clearKey(tmk));
        assertThat(tmkCipher.decryptEcb(Hex.decode(issued.cryptogramHex(), "cryptogram"))).isEqualTo(clear);
        assertThat(issued.cryptogramHex()).hasSize(2 * scheme.length()).isUpperCase();
        assertThat(issued.checkValue()).isEqualTo(new KeyCheckValue(Hex.encode(
                CheckValues.compute(scheme.algorithm(), clear, KeyCheckValueMethod.ZEROS, 4))));
        GeneratedKey key = issued.key();
        assertThat(key.type()).isEqualTo(type);
        assertThat(key.checkValue()).isEqualTo(KnownLmkHsm.checkValue(scheme.algorithm(), clear));
        assertThat(key.keyBlock().usage()).isEqualTo(type.usage());
        assertThat(key.keyBlock().modeOfUse()).isEqualTo(type.modeOfUse());
        assertThat(key.keyBlock().algorithm()).isEqualTo(scheme.algorithm());
    }

    @Test
    void issuesAFreshKeyEachTime() {
        IssuedKeyResult.Issued first = (IssuedKeyResult.Issued) HSM.hsm().workingKeyIssuance()
                .issue(KeyType.TPK, KeyScheme.TDES_2KEY, TMK_2KEY);
        IssuedKeyResult.Issued second = (IssuedKeyResult.Issued) HSM.hsm().workingKeyIssuance()
                .issue(KeyType.TPK, KeyScheme.TDES_2KEY, TMK_2KEY);

        assertThat(first.cryptogramHex()).isNotEqualTo(second.cryptogramHex());
    }

    static Stream<Arguments> refusedMasterKeys() {
        KeyBlock tak = HSM.generate(KeyType.TAK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock tpk = HSM.generate(KeyType.TPK, KeyScheme.TDES_2KEY).keyBlock();
        KeyBlock aesTmk = HSM.generate(KeyType.TMK, KeyScheme.AES_256).keyBlock();
        KeyBlock desTmk = HSM.generate(KeyType.TMK, KeyScheme.DES_SINGLE).keyBlock();
        return Stream.of(
                Arguments.of(KeyType.TPK, KeyScheme.TDES_2KEY, tak,
                        "the master key is not a key-encryption key that may wrap (usage M3, mode C)"),
                Arguments.of(KeyType.TAK, KeyScheme.TDES_2KEY, tpk,
                        "the master key is not a key-encryption key that may wrap (usage P0, mode B)"),
                Arguments.of(KeyType.TPK, KeyScheme.TDES_2KEY, aesTmk,
                        "a legacy cryptogram is TDES-ECB: the key and the master key must be DES or TDES"),
                Arguments.of(KeyType.TPK, KeyScheme.AES_128, TMK_3KEY,
                        "a legacy cryptogram is TDES-ECB: the key and the master key must be DES or TDES"),
                Arguments.of(KeyType.TPK, KeyScheme.TDES_3KEY, TMK_2KEY, "an 80-bit KEK cannot protect a 112-bit key"),
                Arguments.of(KeyType.TPK, KeyScheme.TDES_2KEY, desTmk, "a 56-bit KEK cannot protect an 80-bit key"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("refusedMasterKeys")
    void refusesAMasterKeyThatMayNotCarryTheKey(KeyType type, KeyScheme scheme, KeyBlock masterKey, String reason) {
        assertThat(HSM.hsm().workingKeyIssuance().issue(type, scheme, masterKey))
                .isEqualTo(new IssuedKeyResult.KekRefused(reason));
    }

    @Test
    void refusesToIssueAKeyTypeThatMayNeverLeaveTheHsm() {
        assertThatThrownBy(() -> HSM.hsm().workingKeyIssuance().issue(KeyType.BDK, KeyScheme.TDES_2KEY, TMK_2KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a BDK is not exportable, so it cannot be issued under a master key");
    }
}
