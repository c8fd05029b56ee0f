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

    /**
     * A message from the ISO 9564 core, prefixed with the option it is about: the core names the
     * field ("PIN must be 4 to 12 digits, not 3", "destination format 3 fill must be A-F"), the
     * command line names the option. Keys and block lengths are checked before the core is called,
     * so what is left is the PIN, the PAN or the fill; {@code otherwise} names anything else.
     */
    static IllegalArgumentException aboutPinInputs(IllegalArgumentException e, String otherwise) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String option = m.contains("fill") ? "--fill"
                : m.startsWith("PAN ") ? "--pan"
                : m.startsWith("PIN must") || m.startsWith("PIN is") ? "--pin"
                : otherwise;
        return about(option, e);
    }

    /** Prefixes {@code option} to a message from the crypto core, unless it already names an option. */
    static IllegalArgumentException about(String option, IllegalArgumentException e) {
        String m = e.getMessage();
        return new IllegalArgumentException(m != null && m.startsWith("--") ? m : option + ": " + m);
    }
}
