package io.keyrail.cli.crypto;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Conversions of option text, with messages that name the option and never echo its value. */
final class OptionValues {

    private OptionValues() {
    }

    static byte[] hex(String value, String option) {
        return Hex.decode(value, option);
    }

    static PinBlockFormat format(int number, String option) {
        return decode(option, () -> PinBlockFormat.ofNumber(number));
    }

    /**
     * What {@code decoding} returns; when the crypto core refuses the input, its message is rethrown
     * prefixed with {@code option} (see {@link #about}).
     */
    static <T> T decode(String option, Supplier<T> decoding) {
        return decode(message -> option, decoding);
    }

    /**
     * What {@code decoding} returns; when the crypto core refuses the input, its message is rethrown
     * prefixed with the option {@code optionOf} reads from that message (which may be null).
     */
    static <T> T decode(UnaryOperator<String> optionOf, Supplier<T> decoding) {
        try {
            return decoding.get();
        } catch (IllegalArgumentException e) {
            throw about(optionOf.apply(e.getMessage()), e);
        }
    }

    /**
     * The option a message from the ISO 9564 core is about: the core names the field ("PIN must be
     * 4 to 12 digits, not 3", "destination format 3 fill must be A-F"), the command line names the
     * option. Keys and block lengths are checked before the core is called, so what is left is the
     * PIN, the PAN or the fill; {@code otherwise} names anything else.
     */
    static UnaryOperator<String> pinInputOr(String otherwise) {
        return message -> {
            String m = message == null ? "" : message;
            return m.contains("fill") ? "--fill"
                    : m.startsWith("PAN ") ? "--pan"
                    : m.startsWith("PIN must") || m.startsWith("PIN is") ? "--pin"
                    : otherwise;
        };
    }

    /** Prefixes {@code option} to a message from the crypto core, unless it already names an option. */
    private static IllegalArgumentException about(String option, IllegalArgumentException e) {
        String m = e.getMessage();
        return new IllegalArgumentException(m != null && m.startsWith("--") ? m : option + ": " + m);
    }
}
