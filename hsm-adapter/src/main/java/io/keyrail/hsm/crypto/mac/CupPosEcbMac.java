package io.keyrail.hsm.crypto.mac;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.nio.charset.StandardCharsets;

/**
 * The China UnionPay POS terminal "ECB" MAC (银联 POS 终端 MAC, the MAC sent in field 64).
 *
 * <p>Steps: XOR all 8-byte blocks of the MAC element block (MAB, message type up to field 63,
 * the last block zero-padded); expand the 8-byte result to 16 upper-case hexadecimal characters;
 * encipher the first 8 characters (as ASCII bytes) with the MAK (single DES for an 8-byte MAK,
 * two-key TDES for 16 bytes); XOR with the last 8 characters; encipher again; the MAC is the first
 * 8 hexadecimal characters of that result, as 8 ASCII bytes.
 *
 * <p>Guarantees: immutable and thread-safe; the MAK exists only as its prepared engine and is never
 * exposed; each MAC uses two 8- and 16-byte work buffers, wiped afterwards.
 */
final class CupPosEcbMac implements MacFunction {

    static final int LENGTH = 8;
    private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final BlockCipherKey mak;

    CupPosEcbMac(BlockCipherKey mak) {
        this.mak = mak;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** Writes the 8 ASCII MAC characters for the MAB {@code data} into {@code out[0..8)}. */
    void mac(byte[] data, byte[] out) {
        byte[] block = new byte[8];
        byte[] hex = new byte[16];
        xorBlocks(data, block);
        expand(block, 8, hex);
        mak.encryptBlock(hex, 0, block, 0);
        for (int i = 0; i < 8; i++) {
            block[i] ^= hex[8 + i];
        }
        mak.encryptBlock(block, 0, block, 0);
        expand(block, 4, out);
        BlockCipherKey.wipe(block);
        BlockCipherKey.wipe(hex);
    }

    /** The worked steps of one MAC, as the specification's examples print them. */
    Steps steps(byte[] data) {
        byte[] xor = new byte[8];
        xorBlocks(data, xor);
        byte[] hex = new byte[16];
        expand(xor, 8, hex);
        byte[] first = new byte[8];
        mak.encryptBlock(hex, 0, first, 0);
        byte[] secondInput = first.clone();
        for (int i = 0; i < 8; i++) {
            secondInput[i] ^= hex[8 + i];
        }
        byte[] second = new byte[8];
        mak.encryptBlock(secondInput, 0, second, 0);
        return new Steps(xor, first, secondInput, second);
    }

    /**
     * The intermediate values of one MAC: the XOR of the MAB blocks, the first encipherment, the
     * second encipherment's input (first XOR last 8 hex characters) and the second encipherment.
     */
    record Steps(byte[] blockXor, byte[] firstEncipherment, byte[] secondInput, byte[] secondEncipherment) {

        Steps {
            for (byte[] b : new byte[][] {blockXor, firstEncipherment, secondInput, secondEncipherment}) {
                if (b.length != 8) {
                    throw new IllegalArgumentException("every step must be 8 bytes, not " + b.length);
                }
            }
        }
    }

    private static void xorBlocks(byte[] data, byte[] block) {
        for (int i = 0; i < data.length; i++) {
            block[i & 7] ^= data[i];
        }
    }

    /** Upper-case hexadecimal ASCII of the first {@code bytes} bytes of {@code in}. */
    private static void expand(byte[] in, int bytes, byte[] out) {
        for (int i = 0; i < bytes; i++) {
            out[2 * i] = HEX_DIGITS[(in[i] >>> 4) & 0x0F];
            out[2 * i + 1] = HEX_DIGITS[in[i] & 0x0F];
        }
    }
}
