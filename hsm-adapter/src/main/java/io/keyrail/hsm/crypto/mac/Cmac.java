package io.keyrail.hsm.crypto.mac;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.util.Arrays;

/**
 * CMAC (NIST SP 800-38B; ISO/IEC 9797-1:2011 MAC algorithm 5) over a prepared AES or TDES key.
 *
 * <p>Guarantees: the subkeys K1 and K2 (SP 800-38B section 6.1) are derived once, in {@link #of},
 * with a constant-time doubling; the message is processed in place, one block at a time. The
 * object is immutable and thread-safe. It never exposes the key or the subkeys: {@link #toString()}
 * names the cipher only.
 */
public final class Cmac implements MacFunction {

    private static final byte RB_64 = 0x1B;
    private static final byte RB_128 = (byte) 0x87;

    private final BlockCipherKey key;
    private final int blockSize;
    private final byte[] k1;
    private final byte[] k2;

    private Cmac(BlockCipherKey key) {
        this.key = key;
        this.blockSize = key.blockSize();
        byte[] l = new byte[blockSize];
        key.encryptBlock(l, 0, l, 0);
        this.k1 = doubled(l);
        this.k2 = doubled(k1);
        BlockCipherKey.wipe(l);
    }

    /** Prepares CMAC for {@code key}: AES-CMAC for an AES key, TDES-CMAC for a DES/TDES key. */
    public static Cmac of(BlockCipherKey key) {
        return new Cmac(key);
    }

    /** The full tag length: the cipher's block size (16 for AES, 8 for TDES). */
    @Override
    public int length() {
        return blockSize;
    }

    /** The full-length CMAC tag of {@code data} (any length, including empty). */
    public byte[] compute(byte[] data) {
        byte[] tag = new byte[blockSize];
        mac(data, tag);
        return tag;
    }

    /** Writes the full-length tag of {@code data} into {@code out[0..blockSize)}. */
    public void mac(byte[] data, byte[] out) {
        int n = blockSize;
        Arrays.fill(out, 0, n, (byte) 0);
        int lastOff = data.length == 0 ? 0 : (data.length - 1) / n * n;
        for (int off = 0; off < lastOff; off += n) {
            for (int i = 0; i < n; i++) {
                out[i] ^= data[off + i];
            }
            key.encryptBlock(out, 0, out, 0);
        }
        int rest = data.length - lastOff;
        for (int i = 0; i < rest; i++) {
            out[i] ^= data[lastOff + i];
        }
        byte[] subkey = k1;
        if (rest < n) {
            out[rest] ^= (byte) 0x80;
            subkey = k2;
        }
        for (int i = 0; i < n; i++) {
            out[i] ^= subkey[i];
        }
        key.encryptBlock(out, 0, out, 0);
    }

    /** dbl(S) of SP 800-38B 6.1: shift left one bit; XOR R_b when the dropped bit was 1, without branching on it. */
    private static byte[] doubled(byte[] s) {
        int n = s.length;
        byte[] out = new byte[n];
        int carry = 0;
        for (int i = n - 1; i >= 0; i--) {
            int b = s[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        int mask = -carry;
        out[n - 1] ^= (byte) ((n == 16 ? RB_128 : RB_64) & mask);
        return out;
    }

    /** Names the cipher only. */
    @Override
    public String toString() {
        return "Cmac[" + key.algorithm() + "]";
    }
}
