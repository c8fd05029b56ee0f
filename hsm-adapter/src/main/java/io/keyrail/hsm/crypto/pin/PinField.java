package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import java.security.SecureRandom;

/**
 * The plain-text PIN field of ISO 9564-1:2017, read and written nibble by nibble: control field (the
 * format number, clause 9.3.1), PIN length, PIN digits from nibble 2, then the format's fill (F for
 * format 0, 9.3.2.2, and 2, 9.3.4; any value for 1, 9.3.3; A-F for 3, 9.3.5.2); format 4 (9.4.2.2.2)
 * fills with A to nibble 15 and adds a 64-bit random half (nibbles 16 to 31).
 *
 * <p>Works on small arrays only (no text), so a PIN never becomes a {@code String} on the translation
 * path. The well-formedness check examines every nibble whichever check fails, so the time it takes
 * does not tell which rule a malformed field broke.
 */
final class PinField {

    /** Nibble values a PIN digit may take: 0 to 9. */
    private static final int DIGITS = 0x03FF;

    private static final SecureRandom RANDOM = new SecureRandom();

    private PinField() {
    }

    static int nibble(byte[] bytes, int index) {
        int b = bytes[index >> 1];
        return (index & 1) == 0 ? (b >> 4) & 0x0F : b & 0x0F;
    }

    static void setNibble(byte[] bytes, int index, int value) {
        int at = index >> 1;
        bytes[at] = (byte) ((index & 1) == 0 ? (bytes[at] & 0x0F) | (value << 4) : (bytes[at] & 0xF0) | value);
    }

    /** The nibble values format {@code format} allows as fill after the PIN (a bit per value 0 to F). */
    private static int fillValues(PinBlockFormat format) {
        return switch (format) {
            case ISO_0, ISO_2 -> 1 << 0xF;
            case ISO_1 -> 0xFFFF;
            case ISO_3 -> 0xFC00;
            case ISO_4 -> 1 << 0xA;
        };
    }

    /**
     * The PIN length when {@code field} is a well-formed plain PIN field of {@code format} (control
     * nibble, length 4 to 12, decimal PIN digits, the format's fill up to nibble 15), otherwise -1.
     */
    static int wellFormedLength(PinBlockFormat format, byte[] field) {
        int length = nibble(field, 1);
        int bad = nibble(field, 0) ^ format.number();
        bad |= length < 4 || length > 12 ? 1 : 0;
        int end = 2 + Math.min(Math.max(length, 4), 12);
        int fill = fillValues(format);
        for (int i = 2; i < 16; i++) {
            int allowed = i < end ? DIGITS : fill;
            bad |= ~(allowed >>> nibble(field, i)) & 1;
        }
        return bad == 0 ? length : -1;
    }

    /** The PIN digits of a well-formed field whose PIN has {@code length} digits. */
    static String digits(byte[] field, int length) {
        char[] pin = new char[length];
        for (int i = 0; i < length; i++) {
            pin[i] = (char) ('0' + nibble(field, 2 + i));
        }
        return new String(pin);
    }

    /**
     * A new plain PIN field of {@code format} for a validated {@code pin} and {@code fillHex} (null for
     * random fill; see {@link #writeFill}).
     */
    static byte[] encode(PinBlockFormat format, String pin, String fillHex) {
        byte[] field = new byte[format.blockLength()];
        int length = pin.length();
        field[0] = (byte) ((format.number() << 4) | length);
        for (int i = 0; i < length; i++) {
            setNibble(field, 2 + i, pin.charAt(i) - '0');
        }
        writeFill(format, length, fillHex, field);
        return field;
    }

    /**
     * Writes into {@code target} the header of {@code format} and the {@code length} PIN digits of the
     * well-formed field {@code source} (of any format: the digits sit at nibble 2 in every format).
     */
    static void copyPin(byte[] source, int length, PinBlockFormat format, byte[] target) {
        target[0] = (byte) ((format.number() << 4) | length);
        for (int i = 2; i < 2 + length; i++) {
            setNibble(target, i, nibble(source, i));
        }
    }

    /**
     * Writes the fill after a PIN of {@code length} digits: F for formats 0 and 2; for format 1 the
     * given nibbles or random ones (0 to F); for format 3 the given nibbles or random ones (A to F);
     * for format 4 A up to nibble 15 and then the given 16 nibbles or 8 random bytes. A given
     * {@code fillHex} has been validated.
     */
    static void writeFill(PinBlockFormat format, int length, String fillHex, byte[] field) {
        int from = 2 + length;
        switch (format) {
            case ISO_0, ISO_2 -> constant(field, from, 0xF);
            case ISO_1 -> {
                if (fillHex != null) {
                    given(field, from, fillHex);
                } else {
                    long random = RANDOM.nextLong();
                    for (int i = from; i < 16; i++, random >>>= 4) {
                        setNibble(field, i, (int) random & 0x0F);
                    }
                }
            }
            case ISO_3 -> {
                if (fillHex != null) {
                    given(field, from, fillHex);
                } else {
                    // At most 10 base-6 digits of one 63-bit random value: 6^10 / 2^63 puts the bias below 2^-37.
                    long random = RANDOM.nextLong() >>> 1;
                    for (int i = from; i < 16; i++, random /= 6) {
                        setNibble(field, i, 0xA + (int) (random % 6));
                    }
                }
            }
            case ISO_4 -> {
                constant(field, from, 0xA);
                if (fillHex != null) {
                    given(field, 16, fillHex);
                } else {
                    long random = RANDOM.nextLong();
                    for (int i = 15; i >= 8; i--, random >>>= 8) {
                        field[i] = (byte) random;
                    }
                }
            }
        }
    }

    private static void constant(byte[] field, int from, int value) {
        for (int i = from; i < 16; i++) {
            setNibble(field, i, value);
        }
    }

    private static void given(byte[] field, int from, String fillHex) {
        for (int i = 0; i < fillHex.length(); i++) {
            setNibble(field, from + i, Character.digit(fillHex.charAt(i), 16));
        }
    }
}
