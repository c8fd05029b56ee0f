package io.keyrail.hsm.crypto.cipher;

import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.OutputLengthException;
import org.bouncycastle.crypto.engines.DESEngine;

/**
 * One direction of a prepared DES or TDES key: the DEA of FIPS 46-3 (one pass) or the TDEA of NIST
 * SP 800-67 Rev. 2 section 3.1 (three passes: encryption E_K3(D_K2(E_K1(I))), decryption
 * D_K1(E_K2(D_K3(I)))), over Bouncy Castle's DES round function.
 *
 * <p>Why not Bouncy Castle's {@code DESedeEngine}: a TDES key there is scheduled six times (three
 * keys, once per direction) and every block allocates a buffer. Here both directions of a key
 * share its two or three schedules, the decrypting one being the encrypting one reversed, and the
 * passes run in place in the caller's output.
 *
 * <p>Guarantees: prepared once by {@link #pair}, then immutable and safe to share between threads
 * (the round function reads the working keys and its static tables only). Holds the working keys,
 * never the key bytes; {@link #toString()} names the number of passes only.
 */
final class DeaCipher implements BlockCipher {

    private static final int BLOCK_SIZE = 8;
    private static final Rounds ROUNDS = new Rounds();

    private final int[][] passes;

    private DeaCipher(int[]... passes) {
        this.passes = passes;
    }

    /**
     * The encrypting and decrypting {@link DeaCipher} of {@code key}: single DES for 8 bytes, two-key
     * TDES (K3 = K1) for 16 and three-key TDES for 24.
     *
     * @throws IllegalArgumentException for any other length
     */
    static DeaCipher[] pair(byte[] key) {
        return switch (key.length) {
            case 8 -> {
                int[] k = DesKeySchedule.encryption(key, 0);
                yield new DeaCipher[] {new DeaCipher(k), new DeaCipher(DesKeySchedule.decryption(k))};
            }
            case 16, 24 -> {
                int[] k1 = DesKeySchedule.encryption(key, 0);
                int[] k2 = DesKeySchedule.encryption(key, 8);
                int[] k3 = key.length == 24 ? DesKeySchedule.encryption(key, 16) : k1;
                int[] d1 = DesKeySchedule.decryption(k1);
                int[] d2 = DesKeySchedule.decryption(k2);
                int[] d3 = key.length == 24 ? DesKeySchedule.decryption(k3) : d1;
                yield new DeaCipher[] {new DeaCipher(k1, d2, k3), new DeaCipher(d3, k2, d1)};
            }
            default -> throw new IllegalArgumentException("a DES or TDES key must be 8, 16 or 24 bytes, not " + key.length);
        };
    }

    /** Always refused: a {@link DeaCipher} is prepared once, by {@link #pair}. */
    @Override
    public void init(boolean forEncryption, CipherParameters params) {
        throw new UnsupportedOperationException("a DeaCipher is prepared once, by DeaCipher.pair");
    }

    @Override
    public String getAlgorithmName() {
        return passes.length == 1 ? "DES" : "DESede";
    }

    @Override
    public int getBlockSize() {
        return BLOCK_SIZE;
    }

    @Override
    public int processBlock(byte[] in, int inOff, byte[] out, int outOff) {
        if (inOff < 0 || inOff > in.length - BLOCK_SIZE) {
            throw new DataLengthException("input buffer too short");
        }
        if (outOff < 0 || outOff > out.length - BLOCK_SIZE) {
            throw new OutputLengthException("output buffer too short");
        }
        ROUNDS.apply(passes[0], in, inOff, out, outOff);
        for (int i = 1; i < passes.length; i++) {
            ROUNDS.apply(passes[i], out, outOff, out, outOff);
        }
        return BLOCK_SIZE;
    }

    @Override
    public void reset() {
    }

    /** Names the number of passes only. */
    @Override
    public String toString() {
        return "DeaCipher[" + passes.length + " pass" + (passes.length == 1 ? "" : "es") + "]";
    }

    /**
     * Bouncy Castle's DES round function (initial permutation, 16 rounds, final permutation), which
     * reads both halves of the input before it writes the output, so it may run in place.
     */
    private static final class Rounds extends DESEngine {

        void apply(int[] workingKey, byte[] in, int inOff, byte[] out, int outOff) {
            desFunc(workingKey, in, inOff, out, outOff);
        }
    }
}
