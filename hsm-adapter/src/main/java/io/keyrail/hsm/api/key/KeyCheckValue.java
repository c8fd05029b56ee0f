package io.keyrail.hsm.api.key;

/**
 * A key check value: the leftmost bytes of the encryption (or CMAC) of a zero block under the
 * key, as upper-case hex. Not secret: it identifies a key without revealing it.
 *
 * @param hex 2 to 16 upper-case hexadecimal digits (1 to 8 bytes), even in number
 */
public record KeyCheckValue(String hex) {

    public KeyCheckValue {
        if (hex == null || hex.length() < 2 || hex.length() > 32 || (hex.length() & 1) != 0) {
            throw new IllegalArgumentException("check value must be 2 to 32 hexadecimal digits, even in number");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException("check value must be hexadecimal (position " + (i + 1) + ")");
            }
        }
        hex = hex.toUpperCase(java.util.Locale.ROOT);
    }

    /** Length in bytes. */
    public int length() {
        return hex.length() / 2;
    }

    /** True when this value and {@code other} agree on their common leftmost digits (at least 4). */
    public boolean matches(KeyCheckValue other) {
        int common = Math.min(hex.length(), other.hex.length());
        return common >= 4 && hex.regionMatches(0, other.hex, 0, common);
    }

    /** The leftmost {@code bytes} bytes of this check value. */
    public KeyCheckValue truncate(int bytes) {
        return new KeyCheckValue(hex.substring(0, Math.min(hex.length(), bytes * 2)));
    }
}
