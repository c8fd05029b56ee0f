package io.keyrail.registry.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.registry.profile.AcquirerProfile;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerminalRulesTest {

    private static final Map<String, AcquirerProfile> PROFILES = Map.of(
            "cup-default", new AcquirerProfile("cup-default", "CUP", EnumSet.of(KeyScheme.TDES_2KEY,
                    KeyScheme.DES_SINGLE), KeyScheme.TDES_2KEY),
            "aes", new AcquirerProfile("aes", "AES", EnumSet.of(KeyScheme.AES_128, KeyScheme.TDES_2KEY),
                    KeyScheme.TDES_2KEY));

    private static TerminalRules.Checked check(String id, String merchant, String profile, String scheme) {
        return TerminalRules.check(new TerminalInput(id, merchant, profile, scheme, null, null),
                p -> Optional.ofNullable(PROFILES.get(p)));
    }

    @Test
    void acceptsAWellFormedTerminalAndGivesItItsProfilesDefaultScheme() {
        TerminalRules.Checked c = check(" 1234ABCD ", "123456789012345", "cup-default", null);
        assertThat(c).isEqualTo(new TerminalRules.Checked.Valid(new NewTerminal("1234ABCD", "123456789012345",
                "cup-default", KeyScheme.TDES_2KEY, null, null)));
    }

    @Test
    void acceptsASchemeTheProfileAllowsInAnyCase() {
        assertThat(check("1234ABCD", "123456789012345", "aes", "aes_128"))
                .isInstanceOfSatisfying(TerminalRules.Checked.Valid.class,
                        v -> assertThat(v.terminal().keyScheme()).isEqualTo(KeyScheme.AES_128));
        assertThat(check("1234ABCD", "123456789012345", "cup-default", "DES_SINGLE"))
                .isInstanceOf(TerminalRules.Checked.Valid.class);
    }

    @ParameterizedTest(name = "{0}/{1}/{2}/{3} -> {4}: {5}")
    @CsvSource(nullValues = "null", delimiter = '|', value = {
            "null      | 123456789012345  | cup-default | null     | terminalId      | is required",
            "1234567   | 123456789012345  | cup-default | null     | terminalId      | must be 8 letters or digits",
            "1234-678  | 123456789012345  | cup-default | null     | terminalId      | must be 8 letters or digits",
            "12345678  | ''               | cup-default | null     | merchantId      | is required",
            "12345678  | 1234567890123456 | cup-default | null     | merchantId      | must be 15 letters or digits",
            "12345678  | 123456789012345  | null        | null     | acquirerProfile | is required",
            "12345678  | 123456789012345  | visa        | null     | acquirerProfile | is not a known acquirer profile",
            "12345678  | 123456789012345  | cup-default | RSA_2048 | keyScheme       | must be one of DES_SINGLE, TDES_2KEY, TDES_3KEY, AES_128, AES_192, AES_256",
            "12345678  | 123456789012345  | cup-default | AES_128  | keyScheme       | is not allowed by acquirer profile cup-default (allowed: [DES_SINGLE, TDES_2KEY])",
    })
    void namesTheFieldAndTheRuleOfABadRegistration(String id, String merchant, String profile, String scheme,
                                                  String field, String message) {
        assertThat(check(id, merchant, profile, scheme)).isEqualTo(
                new TerminalRules.Checked.Invalid(List.of(new FieldError(field, message))));
    }

    @Test
    void namesEveryBadFieldAtOnce() {
        TerminalRules.Checked c = TerminalRules.check(new TerminalInput("x", "y", "z", null, "m".repeat(201),
                "l".repeat(201)), p -> Optional.empty());
        assertThat(c).isInstanceOfSatisfying(TerminalRules.Checked.Invalid.class, i -> assertThat(i.errors())
                .extracting(FieldError::field)
                .containsExactly("terminalId", "merchantId", "acquirerProfile", "model", "location"));
    }
}
