package io.keyrail.registry.terminal;

import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.registry.profile.AcquirerProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * What makes a terminal registration valid: a terminal id of 8 letters or digits, a merchant id of
 * 15, a known acquirer profile, a key scheme that profile allows (its default when none is named:
 * double-length TDES in the seeded profiles), and a model and location of at most 200 characters.
 * Every field is checked, so a caller learns all that is wrong at once.
 */
public final class TerminalRules {

    /** Longest model or location text. */
    public static final int MAX_TEXT = 200;

    private TerminalRules() {
    }

    /** The outcome of checking one registration. */
    public sealed interface Checked {
        record Valid(NewTerminal terminal) implements Checked {
        }

        record Invalid(List<FieldError> errors) implements Checked {
        }
    }

    public static Checked check(TerminalInput in, Function<String, Optional<AcquirerProfile>> profiles) {
        List<FieldError> errors = new ArrayList<>(2);
        String terminalId = trimmed(in.terminalId());
        String merchantId = trimmed(in.merchantId());
        if (terminalId == null) {
            errors.add(new FieldError("terminalId", "is required"));
        } else if (!isAlphanumeric(terminalId, 8)) {
            errors.add(new FieldError("terminalId", "must be 8 letters or digits"));
        }
        if (merchantId == null) {
            errors.add(new FieldError("merchantId", "is required"));
        } else if (!isAlphanumeric(merchantId, 15)) {
            errors.add(new FieldError("merchantId", "must be 15 letters or digits"));
        }
        String profileId = trimmed(in.acquirerProfile());
        AcquirerProfile profile = null;
        if (profileId == null) {
            errors.add(new FieldError("acquirerProfile", "is required"));
        } else {
            profile = profiles.apply(profileId).orElse(null);
            if (profile == null) {
                errors.add(new FieldError("acquirerProfile", "is not a known acquirer profile"));
            }
        }
        KeyScheme scheme = null;
        String schemeText = trimmed(in.keyScheme());
        if (schemeText == null) {
            scheme = profile == null ? null : profile.defaultScheme();
        } else {
            scheme = scheme(schemeText);
            if (scheme == null) {
                errors.add(new FieldError("keyScheme", "must be one of DES_SINGLE, TDES_2KEY, TDES_3KEY, AES_128,"
                        + " AES_192, AES_256"));
            } else if (profile != null && !profile.allows(scheme)) {
                errors.add(new FieldError("keyScheme", "is not allowed by acquirer profile " + profile.id()
                        + " (allowed: " + profile.allowedSchemes().stream().map(Enum::name).sorted().toList() + ")"));
            }
        }
        String model = trimmed(in.model());
        String location = trimmed(in.location());
        if (model != null && model.length() > MAX_TEXT) {
            errors.add(new FieldError("model", "must be at most " + MAX_TEXT + " characters"));
        }
        if (location != null && location.length() > MAX_TEXT) {
            errors.add(new FieldError("location", "must be at most " + MAX_TEXT + " characters"));
        }
        if (!errors.isEmpty()) {
            return new Checked.Invalid(errors);
        }
        return new Checked.Valid(new NewTerminal(terminalId, merchantId, profile.id(), scheme, model, location));
    }

    private static KeyScheme scheme(String text) {
        try {
            return KeyScheme.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trimmed(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isAlphanumeric(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
