package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * ISO 9564-1:2017 PIN blocks: formats 0, 1, 2 and 3 (clauses 9.3.2 to 9.3.5, 64-bit blocks enciphered
 * with TDES) and format 4 (clause 9.4.2, 128-bit blocks enciphered with AES), encoded, enciphered, deciphered and
 * decoded on clear keys.
 *
 * <p>Guarantees: inputs are checked before any work, and an {@link IllegalArgumentException} names
 * the field and the rule, never its value; a block that is not well formed yields the single
 * {@link PinDecoding.Malformed} with no reason; fill a caller leaves out is drawn from a
 * {@link java.security.SecureRandom}. Intermediate clear fields are overwritten before returning.
 * Stateless and safe to call from any thread.
 *
 * <p>Conventions: a PAN includes its check digit. Formats 0 and 3 use the 12 rightmost digits
 * excluding it and need 13 to 19 digits; format 4 takes 1 to 19. The fill ({@code fillHex}) is the
 * nibbles after the PIN for formats 1 (14 - PIN length, any of 0-F) and 3 (the same count, A-F), and
 * the 16-nibble random half of the PIN field for format 4; formats 0 and 2 take none (their fill is F).
 */
public final class Iso9564PinBlock {

    private static final PinDecoding MALFORMED = new PinDecoding.Malformed();

    private Iso9564PinBlock() {
    }

    /**
     * The clear PIN block: for formats 0 to 3 the 8-byte block that is enciphered (formats 0 and 3
     * already XORed with the account number field); for format 4 the 16-byte plain PIN field.
     *
     * @param pan used by formats 0 and 3 only
     * @param fillHex the fill for formats 1, 3 and 4, or null for random fill
     */
    public static byte[] encodeClear(PinBlockFormat format, String pin, String pan, String fillHex) {
        PinBlockInputs.requireFormat(format, "PIN block format");
        PinBlockInputs.requirePin(pin);
        if (clearUsesPan(format)) {
            PinBlockInputs.requirePan(format, pan);
        }
        PinBlockInputs.requireFill("", format, pin.length(), fillHex);
        byte[] clear = PinField.encode(format, pin, fillHex);
        if (clearUsesPan(format)) {
            PanField.xorAccountNumber(pan, clear);
        }
        return clear;
    }

    /**
     * The format 4 PAN field (16 bytes): length indicator M (PAN length - 12, or 0), the PAN
     * left-justified (padded on the left with zeros to 12 digits if shorter), zero fill.
     */
    public static byte[] panField4(String pan) {
        PinBlockInputs.requirePan(PinBlockFormat.ISO_4, pan);
        byte[] field = new byte[16];
        PanField.xorFormat4(pan, field);
        return field;
    }

    /**
     * The enciphered PIN block: TDES-ECB of the clear block for formats 0 to 3 (key: TDES, 16 or 24
     * bytes); E(K, E(K, PIN field) XOR PAN field) for format 4 (key: AES, 16, 24 or 32 bytes).
     *
     * @param pan used by formats 0, 3 and 4
     * @param fillHex the fill for formats 1, 3 and 4, or null for random fill
     */
    public static byte[] encipher(PinBlockFormat format, BlockCipherKey key, String pin, String pan, String fillHex) {
        PinBlockInputs.requireFormat(format, "PIN block format");
        PinBlockInputs.requireKey("", format, key);
        PinBlockInputs.requirePin(pin);
        if (format.usesPan()) {
            PinBlockInputs.requirePan(format, pan);
        }
        PinBlockInputs.requireFill("", format, pin.length(), fillHex);
        byte[] field = PinField.encode(format, pin, fillHex);
        try {
            return PinEncipherment.encipher(format, key, field, pan);
        } finally {
            BlockCipherKey.wipe(field);
        }
    }

    /**
     * Deciphers {@code block} under {@code key} and decodes it: the PIN, or {@link PinDecoding.Malformed}
     * when the result is not a well-formed block of {@code format} (which is also what a wrong key or
     * PAN gives, almost always).
     *
     * @param pan used by formats 0, 3 and 4
     */
    public static PinDecoding decipher(PinBlockFormat format, BlockCipherKey key, byte[] block, String pan) {
        PinBlockInputs.requireFormat(format, "PIN block format");
        PinBlockInputs.requireKey("", format, key);
        PinBlockInputs.requireBlock(format, block, "PIN block");
        if (format.usesPan()) {
            PinBlockInputs.requirePan(format, pan);
        }
        return decode(format, PinEncipherment.decipher(format, key, block, pan));
    }

    /**
     * Decodes a clear PIN block (formats 0 to 3, 8 bytes) or a plain PIN field (format 4, 16 bytes):
     * the PIN, or {@link PinDecoding.Malformed}.
     *
     * @param pan used by formats 0 and 3 only
     */
    public static PinDecoding decodeClear(PinBlockFormat format, byte[] clear, String pan) {
        PinBlockInputs.requireFormat(format, "PIN block format");
        PinBlockInputs.requireBlock(format, clear, format == PinBlockFormat.ISO_4 ? "PIN field" : "clear PIN block");
        if (clearUsesPan(format)) {
            PinBlockInputs.requirePan(format, pan);
        }
        byte[] field = clear.clone();
        if (clearUsesPan(format)) {
            PanField.xorAccountNumber(pan, field);
        }
        return decode(format, field);
    }

    /** Decodes and then wipes {@code field}. */
    private static PinDecoding decode(PinBlockFormat format, byte[] field) {
        try {
            int length = PinField.wellFormedLength(format, field);
            return length < 0 ? MALFORMED : new PinDecoding.Decoded(PinField.digits(field, length));
        } finally {
            BlockCipherKey.wipe(field);
        }
    }

    /** Formats 0 and 3 XOR the account number field into the clear block; format 4 only when enciphering. */
    private static boolean clearUsesPan(PinBlockFormat format) {
        return format == PinBlockFormat.ISO_0 || format == PinBlockFormat.ISO_3;
    }

    /** True for 4 to 12 decimal digits. */
    static boolean isPin(String pin) {
        if (pin == null || pin.length() < 4 || pin.length() > 12) {
            return false;
        }
        for (int i = 0; i < pin.length(); i++) {
            if (pin.charAt(i) < '0' || pin.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
