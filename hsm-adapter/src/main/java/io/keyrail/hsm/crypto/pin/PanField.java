package io.keyrail.hsm.crypto.pin;

/**
 * The account number fields of ISO 9564-1:2017: for formats 0 and 3 (clauses 9.3.2.3, 9.3.5.3) four
 * zero nibbles and the 12 rightmost PAN digits excluding the check digit; for format 4 (9.4.2.2.3) the
 * length indicator M (PAN length minus 12, or 0), the PAN left-justified in at least 12 digits
 * (padded on the left with zeros when shorter) and zero fill to 128 bits.
 *
 * <p>Reads a validated PAN character by character into the caller's array; builds no text.
 */
final class PanField {

    private PanField() {
    }

    /** XORs the format 0/3 account number field of {@code pan} (13 to 19 digits) into {@code block}. */
    static void xorAccountNumber(String pan, byte[] block) {
        int first = pan.length() - 13;
        for (int i = 0; i < 12; i++) {
            int at = 4 + i;
            PinField.setNibble(block, at, PinField.nibble(block, at) ^ (pan.charAt(first + i) - '0'));
        }
    }

    /** XORs the format 4 PAN field of {@code pan} (1 to 19 digits) into the 16-byte {@code block}. */
    static void xorFormat4(String pan, byte[] block) {
        int length = pan.length();
        PinField.setNibble(block, 0, PinField.nibble(block, 0) ^ Math.max(length - 12, 0));
        int at = 1 + Math.max(12 - length, 0);
        for (int i = 0; i < length; i++, at++) {
            PinField.setNibble(block, at, PinField.nibble(block, at) ^ (pan.charAt(i) - '0'));
        }
    }
}
