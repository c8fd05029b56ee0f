package io.keyrail.rotation.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.hsm.api.key.KeyScheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CupSignInModeTest {

    @ParameterizedTest(name = "mode {0}")
    @CsvSource({"001, SINGLE_LENGTH, 24, TPK TAK, DES_SINGLE", "003, DOUBLE_LENGTH, 40, TPK TAK, TDES_2KEY",
            "004, DOUBLE_LENGTH_WITH_TDK, 60, TPK TAK TDK, TDES_2KEY"})
    void eachModeIssuesItsKeysIntoAFieldOfItsLength(String code, CupSignInMode mode, int length, String keys,
                                                   KeyScheme tpkScheme) {
        assertThat(CupSignInMode.ofCode(code)).contains(mode);
        assertThat(mode.fieldLength()).isEqualTo(length);
        assertThat(mode.keyTypes()).extracting(WorkingKeyType::name).containsExactly(keys.split(" "));
        assertThat(mode.slots().getFirst().scheme()).isEqualTo(tpkScheme);
        assertThat(mode.slots().get(1).scheme()).as("the TAK is single length in every mode")
                .isEqualTo(KeyScheme.DES_SINGLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "000", "002", "1", "01", "0011", "abc"})
    void otherCodesAreNoMode(String code) {
        assertThat(CupSignInMode.ofCode(code)).isEmpty();
    }
}
