package io.keyrail.hsm.api.pin;

import java.security.MessageDigest;

/**
 * A PIN block enciphered under a PIN key: 8 bytes (formats 0 to 3) or 16 bytes (format 4).
 * Even enciphered, a PIN block never reaches a log: {@link #toString()} shows its length only.
 */
public final class EncryptedPinBlock {

    private final byte[] bytes;

    private EncryptedPinBlock(byte[] bytes) {
        if (bytes.length != 8 && bytes.length != 16) {
            throw new IllegalArgumentException("PIN block must be 8 or 16 bytes, not " + bytes.length);
        }
        this.bytes = bytes;
    }

    public static EncryptedPinBlock of(byte[] bytes) {
        return new EncryptedPinBlock(bytes.clone());
    }

    /** From hexadecimal text (case-insensitive). */
    public static EncryptedPinBlock ofHex(String hex) {
        if (hex == null || (hex.length() != 16 && hex.length() != 32)) {
            throw new IllegalArgumentException("PIN block must be 16 or 32 hexadecimal digits");
        }
        byte[] b = new byte[hex.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("PIN block must be hexadecimal digits only");
            }
            b[i] = (byte) ((hi << 4) | lo);
        }
        return new EncryptedPinBlock(b);
    }

    /** A copy of the enciphered bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Upper-case hex of the enciphered block, for the message being sent on. */
    public String hex() {
        StringBuilder sb = new StringBuilder(bytes.length * 2);
        for (byte x : bytes) {
            sb.append(Character.toUpperCase(Character.forDigit((x >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(x & 0xF, 16)));
        }
        return sb.toString();
    }

    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncryptedPinBlock other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return bytes.length;
    }

    @Override
    public String toString() {
        return "EncryptedPinBlock[" + bytes.length + " bytes]";
    }
}
