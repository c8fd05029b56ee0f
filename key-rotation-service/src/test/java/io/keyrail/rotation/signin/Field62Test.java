package io.keyrail.rotation.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Field62Test {

    private static final String TPK_8 = "0123456789ABCDEF";
    private static final String TPK_16 = "0123456789ABCDEFFEDCBA9876543210";
    private static final String TAK_8 = "1111111111111111";
    private static final String TDK_16 = "22222222222222223333333333333333";
    private static final String KCV_1 = "AAAAAAAA";
    private static final String KCV_2 = "BBBBBBBB";
    private static final String KCV_3 = "CCCCCCCC";

    @Test
    void singleLengthModeIsTpkAndTakEachWithItsCheckValue() {
        assertThat(Field62.assemble(CupSignInMode.SINGLE_LENGTH, List.of(TPK_8, TAK_8), List.of(KCV_1, KCV_2)))
                .isEqualTo(TPK_8 + KCV_1 + TAK_8 + KCV_2)
                .hasSize(24 * 2);
    }

    @Test
    void doubleLengthModeFollowsTheSingleLengthTakWithEightZeroBytes() {
        assertThat(Field62.assemble(CupSignInMode.DOUBLE_LENGTH, List.of(TPK_16, TAK_8), List.of(KCV_1, KCV_2)))
                .isEqualTo(TPK_16 + KCV_1 + TAK_8 + "0000000000000000" + KCV_2)
                .hasSize(40 * 2);
    }

    @Test
    void doubleLengthWithTdkModeAppendsTheTdk() {
        assertThat(Field62.assemble(CupSignInMode.DOUBLE_LENGTH_WITH_TDK, List.of(TPK_16, TAK_8, TDK_16),
                List.of(KCV_1, KCV_2, KCV_3)))
                .isEqualTo(TPK_16 + KCV_1 + TAK_8 + "0000000000000000" + KCV_2 + TDK_16 + KCV_3)
                .hasSize(60 * 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "cryptogram longer than its slot | 0123456789ABCDEFFEDCBA9876543210 | AAAAAAAA | a TPK cryptogram of 16 bytes does not fit its 8-byte slot",
            "3-byte check value              | 0123456789ABCDEF                 | AAAAAA   | a field 62 check value is 4 bytes, not 3",
            "8-byte check value              | 0123456789ABCDEF                 | AAAAAAAABBBBBBBB | a field 62 check value is 4 bytes, not 8"})
    void refusesWhatDoesNotFitTheField(String what, String tpk, String tpkCheckValue, String message) {
        assertThatThrownBy(() -> Field62.assemble(CupSignInMode.SINGLE_LENGTH, List.of(tpk, TAK_8),
                List.of(tpkCheckValue, KCV_2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
