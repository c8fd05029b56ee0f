package io.keyrail.hsm.crypto.cipher;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A clear DES, TDES or AES key with its key schedule prepared once, for ECB and CBC operations.
 *
 * <p>Guarantees: the key length is one its algorithm allows; after construction the object is
 * immutable and safe to share between threads (the engines read their key schedule only, and every
 * buffer is local to the call). DES and TDES keys are scheduled once for both directions
 * ({@link DeaCipher}); AES uses Bouncy Castle's engine. Never exposes the key bytes: {@link #toString()}
 * names only the algorithm and length. Lives inside the HSM boundary ({@code io.keyrail.hsm.crypto}).
 */
public final class BlockCipherKey {

    private final KeyAlgorithm algorithm;
    private final int length;
    private final BlockCipher encryptor;
    private final BlockCipher decryptor;
    private final int blockSize;

    private BlockCipherKey(KeyAlgorithm algorithm, byte[] key) {
        if (!algorithm.allowsKeyLength(key.length)) {
            throw new IllegalArgumentException(algorithm + " key must not be " + key.length + " bytes");
        }
        this.algorithm = algorithm;
        this.length = key.length;
        if (algorithm == KeyAlgorithm.AES) {
            this.encryptor = AESEngine.newInstance();
            this.decryptor = AESEngine.newInstance();
            KeyParameter parameter = new KeyParameter(key);
            encryptor.init(true, parameter);
            decryptor.init(false, parameter);
        } else {
            DeaCipher[] pair = DeaCipher.pair(key);
            this.encryptor = pair[0];
            this.decryptor = pair[1];
        }
        this.blockSize = encryptor.getBlockSize();
    }

    /**
     * Prepares {@code key} for {@code algorithm}: an 8-byte DES key, a 16- or 24-byte (two- or
     * three-key) TDES key, or a 16-, 24- or 32-byte AES key. Use {@link #des(byte[])} to pick DES or
     * TDES by length.
     */
    public static BlockCipherKey of(KeyAlgorithm algorithm, byte[] key) {
        return new BlockCipherKey(algorithm, key);
    }

    /** DES for 8 bytes, TDES for 16 or 24 bytes. */
    public static BlockCipherKey des(byte[] key) {
        return new BlockCipherKey(key.length == 8 ? KeyAlgorithm.DES : KeyAlgorithm.TDES, key);
    }

    /** AES-128, -192 or -256 by key length. */
    public static BlockCipherKey aes(byte[] key) {
        return new BlockCipherKey(KeyAlgorithm.AES, key);
    }

    public KeyAlgorithm algorithm() {
        return algorithm;
    }

    /** Key length in bytes. */
    public int length() {
        return length;
    }

    /** Block size in bytes: 8 for DES and TDES, 16 for AES. */
    public int blockSize() {
        return blockSize;
    }

    /** Encrypts one block of {@code in} at {@code inOff} into {@code out} at {@code outOff}. */
    public void encryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        encryptor.processBlock(in, inOff, out, outOff);
    }

    /** Decrypts one block of {@code in} at {@code inOff} into {@code out} at {@code outOff}. */
    public void decryptBlock(byte[] in, int inOff, byte[] out, int outOff) {
        decryptor.processBlock(in, inOff, out, outOff);
    }

    /** ECB encryption of {@code data}, whose length must be a multiple of the block size. */
    public byte[] encryptEcb(byte[] data) {
        requireBlocks(data);
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += blockSize) {
            encryptor.processBlock(data, off, out, off);
        }
        return out;
    }

    /** ECB decryption of {@code data}, whose length must be a multiple of the block size. */
    public byte[] decryptEcb(byte[] data) {
        requireBlocks(data);
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += blockSize) {
            decryptor.processBlock(data, off, out, off);
        }
        return out;
    }

    /** CBC encryption of {@code data} (a block multiple) with {@code iv} (one block). */
    public byte[] encryptCbc(byte[] iv, byte[] data) {
        requireBlocks(data);
        requireIv(iv);
        byte[] out = new byte[data.length];
        byte[] chain = iv.clone();
        for (int off = 0; off < data.length; off += blockSize) {
            for (int i = 0; i < blockSize; i++) {
                chain[i] ^= data[off + i];
            }
            encryptor.processBlock(chain, 0, out, off);
            System.arraycopy(out, off, chain, 0, blockSize);
        }
        return out;
    }

    /** CBC decryption of {@code data} (a block multiple) with {@code iv} (one block). */
    public byte[] decryptCbc(byte[] iv, byte[] data) {
        requireBlocks(data);
        requireIv(iv);
        byte[] out = new byte[data.length];
        for (int off = 0; off < data.length; off += blockSize) {
            decryptor.processBlock(data, off, out, off);
            for (int i = 0; i < blockSize; i++) {
                out[off + i] ^= off == 0 ? iv[i] : data[off - blockSize + i];
            }
        }
        return out;
    }

    private void requireBlocks(byte[] data) {
        if (data.length == 0 || data.length % blockSize != 0) {
            throw new IllegalArgumentException("data must be a non-empty multiple of " + blockSize + " bytes, not " + data.length);
        }
    }

    private void requireIv(byte[] iv) {
        if (iv.length != blockSize) {
            throw new IllegalArgumentException("IV must be " + blockSize + " bytes, not " + iv.length);
        }
    }

    /** Names the algorithm and length only. */
    @Override
    public String toString() {
        return "BlockCipherKey[" + algorithm + ", " + length + " bytes]";
    }

    /** Sets odd parity on every byte of a DES or TDES key (the low bit of each byte), in place. */
    public static byte[] withOddParity(byte[] key) {
        for (int i = 0; i < key.length; i++) {
            int b = key[i] & 0xFE;
            key[i] = (byte) (b | ((Integer.bitCount(b) & 1) == 0 ? 1 : 0));
        }
        return key;
    }

    /** Overwrites {@code secret} with zeros. */
    public static void wipe(byte[] secret) {
        if (secret != null) {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
