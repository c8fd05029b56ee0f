package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * Encipherment of a plain PIN field into a PIN block and back, ISO 9564-1:2017 9.3.2.1, 9.3.5.1, 9.4.2:
 * formats 0 and 3 encipher the PIN field XOR the account number field, formats 1 and 2 the PIN field
 * itself (one TDES-ECB block); format 4 computes E(K, E(K, PIN field) XOR PAN field) with AES.
 *
 * <p>Inputs have been validated. Only the returned array is new; the arguments are left unchanged.
 */
final class PinEncipherment {

    private PinEncipherment() {
    }

    /** The enciphered block of the plain PIN {@code field}. */
    static byte[] encipher(PinBlockFormat format, BlockCipherKey key, byte[] field, String pan) {
        byte[] block = new byte[field.length];
        if (format == PinBlockFormat.ISO_4) {
            key.encryptBlock(field, 0, block, 0);
            PanField.xorFormat4(pan, block);
            key.encryptBlock(block, 0, block, 0);
            return block;
        }
        System.arraycopy(field, 0, block, 0, field.length);
        if (format.usesPan()) {
            PanField.xorAccountNumber(pan, block);
        }
        key.encryptBlock(block, 0, block, 0);
        return block;
    }

    /** The plain PIN field under the enciphered {@code block}; the caller wipes it after use. */
    static byte[] decipher(PinBlockFormat format, BlockCipherKey key, byte[] block, String pan) {
        byte[] field = new byte[block.length];
        key.decryptBlock(block, 0, field, 0);
        if (format == PinBlockFormat.ISO_4) {
            PanField.xorFormat4(pan, field);
            key.decryptBlock(field, 0, field, 0);
        } else if (format.usesPan()) {
            PanField.xorAccountNumber(pan, field);
        }
        return field;
    }
}
