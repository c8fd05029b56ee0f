package io.keyrail.hsm.api.key;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * One clear component of a key under dual control (ISO 11568-2): on its own it reveals nothing
 * of the key; the key is the XOR of all components.
 *
 * <p>Guarantees: the bytes are reachable only through {@link #hex(ClearKeyAccess)};
 * {@link #toString()}, {@code equals} and {@code hashCode} never use them.
 */
public final class KeyComponent {

    private final byte[] bytes;

    private KeyComponent(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A component from its hexadecimal text as a custodian enters it. */
    public static KeyComponent ofHex(String hex, ClearKeyAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("clear key access is required");
        }
        if (hex == null || hex.isEmpty() || (hex.length() & 1) != 0) {
            throw new IllegalArgumentException("component must be an even number of hexadecimal digits");
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("component must be hexadecimal digits only");
            }
            b[i] = (byte) ((hi << 4) | lo);
        }
        return new KeyComponent(b);
    }

    /** For the HSM backend: a component it generated. */
    public static KeyComponent ofBytes(byte[] bytes, ClearKeyAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("clear key access is required");
        }
        return new KeyComponent(bytes);
    }

    /** The component's bytes (a copy). */
    public byte[] bytes(ClearKeyAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("clear key access is required");
        }
        return bytes.clone();
    }

    /** The component as upper-case hex, for the custodian it is released to. */
    public String hex(ClearKeyAccess access) {
        byte[] b = bytes(access);
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        Arrays.fill(b, (byte) 0);
        return sb.toString();
    }

    /** Length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** Constant-time comparison; for tests and ceremonies that check a re-entered component. */
    public boolean sameAs(KeyComponent other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return "KeyComponent[" + bytes.length + " bytes]";
    }
}
