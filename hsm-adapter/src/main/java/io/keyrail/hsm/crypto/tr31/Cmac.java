package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * CMAC (NIST SP 800-38B; ISO/IEC 9797-1:2011 MAC algorithm 5) under a prepared TDES or AES key,
 * with the subkeys K1 and K2 computed once. Used by the TR-31 key derivation binding method
 * (versions B and D) to derive the key block keys and to MAC the key block.
 *
 * <p>Immutable and thread-safe: every buffer is local to the call. Never exposes the key or the
 * subkeys.
 */
final class Cmac {

    private final BlockCipherKey cipher;
    private final int blockSize;
    private final byte[] k1;
    private final byte[] k2;

    Cmac(BlockCipherKey cipher) {
        this.cipher = cipher;
        this.blockSize = cipher.blockSize();
        byte[] l = new byte[blockSize];
        cipher.encryptBlock(l, 0, l, 0);
        this.k1 = doubled(l);
        this.k2 = doubled(k1);
        BlockCipherKey.wipe(l);
    }

    int blockSize() {
        return blockSize;
    }

    /** Writes the full CMAC (one cipher block) of {@code data[offset, offset + length)} into {@code mac}. */
    void mac(byte[] data, int offset, int length, byte[] mac) {
        byte[] x = new byte[blockSize];
        int blocks = Math.max(1, (length + blockSize - 1) / blockSize);
        for (int b = 0; b < blocks - 1; b++) {
            int from = offset + b * blockSize;
            for (int i = 0; i < blockSize; i++) {
                x[i] ^= data[from + i];
            }
            cipher.encryptBlock(x, 0, x, 0);
        }
        int lastFrom = (blocks - 1) * blockSize;
        int lastLength = length - lastFrom;
        if (lastLength == blockSize) {
            for (int i = 0; i < blockSize; i++) {
                x[i] ^= (byte) (data[offset + lastFrom + i] ^ k1[i]);
            }
        } else {
            for (int i = 0; i < lastLength; i++) {
                x[i] ^= data[offset + lastFrom + i];
            }
            x[lastLength] ^= (byte) 0x80;
            for (int i = 0; i < blockSize; i++) {
                x[i] ^= k2[i];
            }
        }
        cipher.encryptBlock(x, 0, mac, 0);
    }

    /** The block shifted left by one bit, reduced by the block size's polynomial (SP 800-38B 6.1). */
    private static byte[] doubled(byte[] block) {
        byte[] out = new byte[block.length];
        int carry = 0;
        for (int i = block.length - 1; i >= 0; i--) {
            int b = block[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if (carry != 0) {
            out[block.length - 1] ^= (byte) (block.length == 16 ? 0x87 : 0x1B);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Cmac[" + cipher + "]";
    }
}
