package io.keyrail.hsm.crypto.tr31;

import java.util.Objects;

/**
 * One optional header block of a TR-31 / ANSI X9.143 key block (TR-31:2018 A.2 table 4; ANSI
 * X9.143:2021 6.2 table 1): a two-character ID such as {@code KS}, {@code KC}, {@code KP},
 * {@code TS} or {@code PB}, and its data.
 *
 * <p>Guarantees: the ID is two ASCII letters or digits and the data is printable ASCII, short
 * enough to fit a key block. Optional blocks travel in the clear, so they carry no secret; the
 * record holds only header text.
 *
 * <p>Encoding: a block whose total length (ID, length field and data) fits 255 characters uses the
 * two-hex-digit length field; a longer one uses the extended form {@code 00}, the length of the
 * length ({@code 02}) and a four-hex-digit length. A block read in the extended form but short
 * enough for the plain form is therefore re-encoded in the plain form.
 */
public record Tr31OptionalBlock(String id, String data) {

    /** The most data characters a block can carry inside a 9999-character key block. */
    static final int MAX_DATA_LENGTH = 9999 - 16 - 10;

    private static final int SHORT_FORM_LIMIT = 0xFF;

    public Tr31OptionalBlock {
        if (!Tr31Header.isAlphanumeric(id, 2)) {
            throw new IllegalArgumentException("optional block ID must be 2 letters or digits");
        }
        Objects.requireNonNull(data, "data");
        if (!isPrintable(data, 0, data.length())) {
            throw new IllegalArgumentException("optional block " + id + " data must be printable ASCII");
        }
        if (data.length() > MAX_DATA_LENGTH) {
            throw new IllegalArgumentException("optional block " + id + " data must be at most "
                    + MAX_DATA_LENGTH + " characters, not " + data.length());
        }
    }

    /** Characters this block takes in the header: ID, length field and data. */
    public int encodedLength() {
        int shortForm = 4 + data.length();
        return shortForm <= SHORT_FORM_LIMIT ? shortForm : 10 + data.length();
    }

    /** Writes the block as ASCII into {@code out} from {@code offset}; returns the offset after it. */
    int encodeInto(byte[] out, int offset) {
        int length = encodedLength();
        int at = offset;
        out[at++] = (byte) id.charAt(0);
        out[at++] = (byte) id.charAt(1);
        if (length <= SHORT_FORM_LIMIT) {
            at = hexDigits(length, 2, out, at);
        } else {
            out[at++] = '0';
            out[at++] = '0';
            out[at++] = '0';
            out[at++] = '2';
            at = hexDigits(length, 4, out, at);
        }
        for (int i = 0; i < data.length(); i++) {
            out[at++] = (byte) data.charAt(i);
        }
        return at;
    }

    private static int hexDigits(int value, int digits, byte[] out, int offset) {
        for (int i = digits - 1; i >= 0; i--) {
            out[offset + i] = (byte) Character.toUpperCase(Character.forDigit((value >>> (4 * (digits - 1 - i))) & 0xF, 16));
        }
        return offset + digits;
    }

    /** True when every character of {@code text[from, to)} is printable ASCII (0x20 to 0x7E). */
    static boolean isPrintable(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }
}
