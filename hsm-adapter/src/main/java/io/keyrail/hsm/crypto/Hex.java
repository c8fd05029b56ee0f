package io.keyrail.hsm.crypto;

/**
 * Hexadecimal text for binary values: case-insensitive on input, upper case on output.
 *
 * <p>Error messages name only what is wrong with the text (its length, the position of a bad
 * character), never the text itself, so a key or PIN block passed here never reaches a message.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789ABCDEF".toCharArray();

    private Hex() {
    }

    /** Decodes {@code hex}; {@code what} names the value in the error message (for example "--key"). */
    public static byte[] decode(String hex, String what) {
        if (hex == null || hex.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: expected hexadecimal digits");
        }
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException(what + " has an odd number of hexadecimal digits (" + hex.length() + ")");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                int at = hi < 0 ? 2 * i : 2 * i + 1;
                throw new IllegalArgumentException(what + " has a non-hexadecimal character at position " + (at + 1));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Decodes {@code hex} with a generic name in error messages. */
    public static byte[] decode(String hex) {
        return decode(hex, "value");
    }

    /** Upper-case hexadecimal text of {@code bytes}. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Upper-case hexadecimal text of {@code length} bytes of {@code bytes} from {@code offset}. */
    public static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[length * 2];
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xFF;
            out[2 * i] = DIGITS[b >>> 4];
            out[2 * i + 1] = DIGITS[b & 0x0F];
        }
        return new String(out);
    }

    /** True when {@code text} is non-empty, of even length, and only hexadecimal digits. */
    public static boolean isHex(String text) {
        if (text == null || text.isEmpty() || (text.length() & 1) != 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
