package io.keyrail.hsm.crypto.cipher;

import org.bouncycastle.crypto.engines.DESEngine;

/**
 * The DES key schedule (FIPS 46-3 section 3 and appendix 1: PC-1, the left shifts and PC-2),
 * computed by table look-up, in the 32-word working-key layout Bouncy Castle's DES engines use.
 *
 * <p>Why: the schedule is a pure bit selection, each of the 768 subkey bits a copy of one key
 * bit, so the working key of any key is the XOR of the working keys of its 64 single bits. The
 * table holds those, grouped by key nibble, and is built once from Bouncy Castle's own (bit by
 * bit, many times slower) schedule; a schedule then costs 16 look-ups of 32 words. This matters
 * where keys are new on every call, as in working-key issuance.
 *
 * <p>Guarantees: the same working key as Bouncy Castle's {@code generateWorkingKey} for every key
 * and direction; the parity bits are ignored, as FIPS 46-3 does. The table holds no key material.
 */
final class DesKeySchedule {

    private static final int WORDS = 32;
    private static final int NIBBLES = 16;

    /**
     * Row {@code 16 * nibble + value} (32 words from {@code 32 * row}): the encryption working key of
     * a key holding {@code value} in that nibble and zeros elsewhere. One flat array, 32 KiB.
     */
    private static final int[] ENCRYPT = table();

    private DesKeySchedule() {
    }

    /** The encryption working key of the DES key {@code key[offset, offset + 8)}. */
    static int[] encryption(byte[] key, int offset) {
        int[] w = new int[WORDS];
        for (int n = 0; n < NIBBLES; n++) {
            int b = key[offset + (n >> 1)];
            int value = (n & 1) == 0 ? (b >>> 4) & 0x0F : b & 0x0F;
            int from = (16 * n + value) * WORDS;
            for (int i = 0; i < WORDS; i++) {
                w[i] ^= ENCRYPT[from + i];
            }
        }
        return w;
    }

    /** The decryption working key from the encryption one: the 16 round subkeys (two words each) in reverse order. */
    static int[] decryption(int[] w) {
        int[] r = new int[WORDS];
        for (int round = 0; round < 16; round++) {
            r[2 * round] = w[2 * (15 - round)];
            r[2 * round + 1] = w[2 * (15 - round) + 1];
        }
        return r;
    }

    private static int[] table() {
        Reference reference = new Reference();
        int[][] single = new int[64][];
        for (int bit = 0; bit < 64; bit++) {
            byte[] key = new byte[8];
            key[bit >> 3] = (byte) (0x80 >>> (bit & 7));
            single[bit] = reference.encryptionSchedule(key);
        }
        int[] table = new int[NIBBLES * 16 * WORDS];
        for (int n = 0; n < NIBBLES; n++) {
            for (int value = 0; value < 16; value++) {
                int from = (16 * n + value) * WORDS;
                for (int j = 0; j < 4; j++) {
                    if ((value & (0x8 >>> j)) != 0) {
                        int[] s = single[4 * n + j];
                        for (int i = 0; i < WORDS; i++) {
                            table[from + i] ^= s[i];
                        }
                    }
                }
            }
        }
        return table;
    }

    /** Bouncy Castle's own schedule, read once per key bit to build the tables. */
    private static final class Reference extends DESEngine {

        int[] encryptionSchedule(byte[] key) {
            return super.generateWorkingKey(true, key);
        }
    }
}
