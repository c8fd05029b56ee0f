package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * CBC encryption, decryption and CBC-MAC (ISO/IEC 10116 CBC mode; ISO/IEC 9797-1 MAC algorithm 1
 * with no padding) over whole blocks, writing into caller-provided arrays so a key block is built
 * without intermediate copies. Stateless; the chaining value lives in a local array.
 */
final class CipherBlockChaining {

    private CipherBlockChaining() {
    }

    /** Encrypts {@code in} (a block multiple) into {@code out} with the IV {@code iv[ivOffset, +blockSize)}. */
    static void encrypt(BlockCipherKey key, byte[] iv, int ivOffset, byte[] in, byte[] out) {
        int size = key.blockSize();
        byte[] chain = new byte[size];
        System.arraycopy(iv, ivOffset, chain, 0, size);
        for (int off = 0; off < in.length; off += size) {
            for (int i = 0; i < size; i++) {
                chain[i] ^= in[off + i];
            }
            key.encryptBlock(chain, 0, chain, 0);
            System.arraycopy(chain, 0, out, off, size);
        }
    }

    /** Decrypts {@code in} (a block multiple) into {@code out} with the IV {@code iv[ivOffset, +blockSize)}. */
    static void decrypt(BlockCipherKey key, byte[] iv, int ivOffset, byte[] in, byte[] out) {
        int size = key.blockSize();
        for (int off = 0; off < in.length; off += size) {
            key.decryptBlock(in, off, out, off);
            for (int i = 0; i < size; i++) {
                out[off + i] ^= off == 0 ? iv[ivOffset + i] : in[off - size + i];
            }
        }
    }

    /**
     * CBC-MAC with a zero IV over {@code first[0, firstLength)} followed by {@code second}, both
     * block multiples; writes the last chaining block into {@code mac}.
     */
    static void mac(BlockCipherKey key, byte[] first, int firstLength, byte[] second, byte[] mac) {
        int size = key.blockSize();
        byte[] chain = new byte[size];
        for (int off = 0; off < firstLength; off += size) {
            for (int i = 0; i < size; i++) {
                chain[i] ^= first[off + i];
            }
            key.encryptBlock(chain, 0, chain, 0);
        }
        for (int off = 0; off < second.length; off += size) {
            for (int i = 0; i < size; i++) {
                chain[i] ^= second[off + i];
            }
            key.encryptBlock(chain, 0, chain, 0);
        }
        System.arraycopy(chain, 0, mac, 0, size);
    }
}
