package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * Checks the inputs of the ISO 9564-1 operations and names what is wrong. Every message names the
 * field and the rule ("PIN must be 4 to 12 digits, not 3") and never contains a PIN, PAN, fill, key
 * or block. {@code role} prefixes the field for translation ("source ", "destination ") and is empty
 * otherwise.
 */
final class PinBlockInputs {

    private PinBlockInputs() {
    }

    static void requireFormat(PinBlockFormat format, String what) {
        if (format == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }

    static void requirePin(String pin) {
        if (pin == null) {
            throw new IllegalArgumentException("PIN is missing");
        }
        if (pin.length() < 4 || pin.length() > 12) {
            throw new IllegalArgumentException("PIN must be 4 to 12 digits, not " + pin.length());
        }
        if (!decimal(pin)) {
            throw new IllegalArgumentException("PIN must be decimal digits");
        }
    }

    /** A PAN for {@code format}: 13 to 19 digits (check digit included) for 0 and 3, 1 to 19 for 4. */
    static void requirePan(PinBlockFormat format, String pan) {
        if (pan == null) {
            throw new IllegalArgumentException("PAN is missing");
        }
        if (!decimal(pan)) {
            throw new IllegalArgumentException("PAN must be decimal digits");
        }
        int min = format == PinBlockFormat.ISO_4 ? 1 : 13;
        if (pan.length() < min || pan.length() > 19) {
            throw new IllegalArgumentException("PAN must be " + min + " to 19 digits for format " + format.number()
                    + ", not " + pan.length());
        }
    }

    /** TDES (16 or 24 bytes) for formats 0 to 3; AES (16, 24 or 32 bytes) for format 4. */
    static void requireKey(String role, PinBlockFormat format, BlockCipherKey key) {
        if (key == null) {
            throw new IllegalArgumentException(role + "key is missing");
        }
        boolean fits = format == PinBlockFormat.ISO_4
                ? key.algorithm() == KeyAlgorithm.AES
                : key.algorithm() == KeyAlgorithm.TDES;
        if (!fits) {
            String needs = format == PinBlockFormat.ISO_4 ? "an AES key of 16, 24 or 32 bytes" : "a TDES key of 16 or 24 bytes";
            throw new IllegalArgumentException(role + "format " + format.number() + " needs " + needs + ", not "
                    + (key.length() == 8 ? "an " : "a ") + key.length() + "-byte " + key.algorithm() + " key");
        }
    }

    /** {@code block} of the format's length; {@code what} names it ("PIN block", "PIN field"). */
    static void requireBlock(PinBlockFormat format, byte[] block, String what) {
        if (block == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (block.length != format.blockLength()) {
            throw new IllegalArgumentException(what + " must be " + format.blockLength() + " bytes for format "
                    + format.number() + ", not " + block.length);
        }
    }

    /**
     * The fill for a PIN of {@code pinLength} digits: none for formats 0 and 2; 14 - length
     * hexadecimal digits for format 1, digits A to F for format 3; 16 hexadecimal digits for format 4.
     * A null fill means random fill and is always accepted.
     */
    static void requireFill(String role, PinBlockFormat format, int pinLength, String fillHex) {
        if (fillHex == null) {
            return;
        }
        requireFillDigits(role, format, fillHex);
        int length = format == PinBlockFormat.ISO_4 ? 16 : 14 - pinLength;
        if (fillHex.length() != length) {
            throw new IllegalArgumentException(role + "fill must be " + length + " hexadecimal digits, not "
                    + fillHex.length());
        }
    }

    /**
     * What can be checked of a fill before the PIN length is known: allowed at all, hexadecimal,
     * A to F for format 3, 2 to 10 digits for formats 1 and 3, exactly 16 for format 4.
     */
    static void requireFillBeforeDecoding(String role, PinBlockFormat format, String fillHex) {
        if (fillHex == null) {
            return;
        }
        requireFillDigits(role, format, fillHex);
        if (format == PinBlockFormat.ISO_4) {
            requireFill(role, format, 0, fillHex);
        } else if (fillHex.length() < 2 || fillHex.length() > 10) {
            throw new IllegalArgumentException(role + "fill must be 2 to 10 hexadecimal digits, not " + fillHex.length());
        }
    }

    private static void requireFillDigits(String role, PinBlockFormat format, String fillHex) {
        if (format == PinBlockFormat.ISO_0 || format == PinBlockFormat.ISO_2) {
            throw new IllegalArgumentException(role + "format " + format.number() + " takes no fill");
        }
        for (int i = 0; i < fillHex.length(); i++) {
            int nibble = hexValue(fillHex.charAt(i));
            if (nibble < 0) {
                throw new IllegalArgumentException(role + "fill must be hexadecimal digits");
            }
            if (format == PinBlockFormat.ISO_3 && nibble < 0xA) {
                throw new IllegalArgumentException(role + "format 3 fill must be A-F");
            }
        }
    }

    /** The value of an ASCII hexadecimal digit (either case), or -1. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean decimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
