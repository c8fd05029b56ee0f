package io.keyrail.hsm.crypto.mac;

import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.util.Arrays;

/**
 * ISO/IEC 9797-1:2011 MAC algorithm 1 (CBC-MAC): initial transformation 1, output transformation 1, with a DES or TDES key; with an 8-byte key this is also ANSI X9.9 / FIPS 113.
 *
 * <p>Guarantees: the padding method is applied on the fly, block by block, without copying
 * the message; the only buffer is the caller's output block. Immutable and thread-safe; the key
 * exists only as its prepared engine and is never exposed.
 */
final class Iso9797CbcMac implements MacFunction {

    static final int BLOCK = 8;

    private final BlockCipherKey key;

    Iso9797CbcMac(BlockCipherKey key) {
        this.key = key;
    }

    @Override
    public int length() {
        return BLOCK;
    }

    /** Writes the 8-byte MAC of {@code data} padded with {@code padding} into {@code out[0..8)}. */
    void mac(byte[] data, MacPadding padding, byte[] out) {
        chain(key, data, padding, out);
    }

    /**
     * CBC-chains the padded {@code data} under {@code key} with a zero IV, leaving the last
     * ciphertext block H_q in {@code h[0..8)}.
     *
     * <p>Padding (ISO/IEC 9797-1:2011 padding methods 1 to 3): method 1 appends zero bits up to a block
     * boundary, and one zero block for empty data; method 2 always appends a 1 bit (0x80) then zero
     * bits; method 3 prepends the block L holding the data length in bits (big-endian) and then
     * pads as method 1.
     */
    static void chain(BlockCipherKey key, byte[] data, MacPadding padding, byte[] h) {
        Arrays.fill(h, 0, BLOCK, (byte) 0);
        if (padding == MacPadding.METHOD_3) {
            long bits = (long) data.length << 3;
            for (int i = 0; i < BLOCK; i++) {
                h[i] = (byte) (bits >>> (56 - 8 * i));
            }
            key.encryptBlock(h, 0, h, 0);
        }
        int whole = data.length & ~(BLOCK - 1);
        for (int off = 0; off < whole; off += BLOCK) {
            for (int i = 0; i < BLOCK; i++) {
                h[i] ^= data[off + i];
            }
            key.encryptBlock(h, 0, h, 0);
        }
        int rest = data.length - whole;
        boolean lastBlock = switch (padding) {
            case METHOD_1, METHOD_3 -> rest > 0 || data.length == 0;
            case METHOD_2 -> true;
        };
        if (lastBlock) {
            for (int i = 0; i < rest; i++) {
                h[i] ^= data[whole + i];
            }
            if (padding == MacPadding.METHOD_2) {
                h[rest] ^= (byte) 0x80;
            }
            key.encryptBlock(h, 0, h, 0);
        }
    }
}
