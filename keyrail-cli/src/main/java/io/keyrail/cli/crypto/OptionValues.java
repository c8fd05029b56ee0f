package io.keyrail.cli.crypto;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;

/** Conversions of option text, with messages that name the option and never echo its value. */
final class OptionValues {

    private OptionValues() {
    }

    static byte[] hex(String value, String option) {
        return Hex.decode(value, option);
    }

    static PinBlockFormat format(int number, String option) {
        try {
            return PinBlockFormat.ofNumber(number);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }

    /** Prefixes {@code option} to a message from the crypto core, unless it already names an option. */
    static IllegalArgumentException about(String option, IllegalArgumentException e) {
        String m = e.getMessage();
        return new IllegalArgumentException(m != null && m.startsWith("--") ? m : option + ": " + m);
    }
}
