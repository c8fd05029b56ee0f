package io.keyrail.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The field checks accept exactly what their documented character classes describe. */
class EventFieldsTest {

    /** Near misses on purpose: the class's edges, lower-case hex, non-ASCII letters and digits, space. */
    private static final String ALPHABET = "09AFGZaz/:@[`{ éÄ٣Ｚ-_";

    @Test
    void terminalAndMerchantIdsAreAsciiLettersAndDigitsOfTheirLength() {
        assertThat(EventFields.terminalId("T0000001")).isEqualTo("T0000001");
        assertThat(EventFields.merchantId("M00000000000001")).isEqualTo("M00000000000001");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.terminalId("T000001"))
                .withMessage("terminalId must be 8 letters or digits");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.terminalId("T000000é"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.terminalId(null));
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.merchantId("M0000000000001 "))
                .withMessage("merchantId must be 15 letters or digits");
    }

    @Test
    void checkValuesAreFourToSixteenUpperCaseHexDigits() {
        assertThat(EventFields.checkValue("08D7")).isEqualTo("08D7");
        assertThat(EventFields.checkValue("0123456789ABCDEF")).isEqualTo("0123456789ABCDEF");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.checkValue("08d7"))
                .withMessage("checkValue must be 4 to 16 upper-case hexadecimal digits");
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.checkValue("08D"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.checkValue("0123456789ABCDEF0"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventFields.checkValue("08G7"));
    }

    @Test
    void agreeWithTheRegularExpressionsTheyReplaceOnRandomStrings() {
        Pattern lettersOrDigits = Pattern.compile("[0-9A-Za-z]{8}");
        Pattern upperHex = Pattern.compile("[0-9A-F]{4,16}");
        Random random = new Random(20261203L);
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            String s = randomString(random, 20);
            boolean expected = lettersOrDigits.matcher(s).matches();
            assertThat(EventFields.lettersOrDigits(s, 8, 8)).as("[%s]", s).isEqualTo(expected);
            assertThat(EventFields.upperHex(s, 4, 16)).as("[%s]", s).isEqualTo(upperHex.matcher(s).matches());
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("some strings of the class were drawn").isPositive();
    }

    static String randomString(Random random, int maxLength) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            // mostly characters of the classes, so that strings of the right length often pass
            s.append(random.nextInt(4) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                    : "0123456789ABCDEF".charAt(random.nextInt(16)));
        }
        return s.toString();
    }
}
