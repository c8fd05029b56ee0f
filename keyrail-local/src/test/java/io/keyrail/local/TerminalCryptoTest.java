package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end test's own terminal-side crypto, on published known answers, so its verdicts can be trusted. */
class TerminalCryptoTest {

    /** ANSI X9.24-1 / the README's calculator example: a double-length TDES key and its 3-byte check value. */
    private static final String X9_24_TDES_KEY = "0123456789ABCDEFFEDCBA9876543210";
    private static final String X9_24_TDES_KCV = "08D7B4";

    /** FIPS 81 appendix B: DES key, "Now is t", and its ECB ciphertext. */
    private static final String FIPS_81_KEY = "0123456789ABCDEF";
    private static final String FIPS_81_PLAINTEXT = "4E6F772069732074";
    private static final String FIPS_81_CIPHERTEXT = "3FA40E8A984D4815";

    @Test
    void computesTheCheckValueOfADoubleLengthKey() {
        assertThat(TerminalCrypto.checkValue(hex(X9_24_TDES_KEY), 3)).isEqualTo(X9_24_TDES_KCV);
    }

    @Test
    void decryptsASingleDesBlock() {
        assertThat(TerminalCrypto.decryptEcb(hex(FIPS_81_KEY), hex(FIPS_81_CIPHERTEXT)))
                .isEqualTo(hex(FIPS_81_PLAINTEXT));
    }

    @Test
    void decryptsUnderADoubleLengthKeyAsK1K2K1() {
        byte[] key = hex(X9_24_TDES_KEY);
        byte[] zerosUnderKey = hex(TerminalCrypto.checkValue(key, 8));

        assertThat(TerminalCrypto.decryptEcb(key, zerosUnderKey)).isEqualTo(new byte[8]);
    }

    @Test
    void formsAKeyFromComponentsByXorWithOddParity() {
        byte[] a = hex("0123456789ABCDEF");
        byte[] b = hex("FEDCBA9876543210");

        byte[] key = TerminalCrypto.formFromComponents(List.of(a, b));

        assertThat(TerminalCrypto.HEX.formatHex(key)).isEqualTo("FEFEFEFEFEFEFEFE");
        assertThat(TerminalCrypto.hasOddParity(key)).isTrue();
        assertThat(TerminalCrypto.hasOddParity(hex("FFFFFFFFFFFFFFFF"))).isFalse();
    }

    private static byte[] hex(String s) {
        return TerminalCrypto.HEX.parseHex(s);
    }
}
