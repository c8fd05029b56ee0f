package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The TR-31 key variant binding method (ASC X9 TR-31:2018; versions A and C): the key
 * block encryption key is the TDES KBPK XOR 0x45 in every byte, the MAC key the KBPK XOR 0x4D; the
 * key data is TDES-CBC encrypted with the first 8 header characters as IV, and the MAC is the
 * leftmost 4 bytes of the TDES CBC-MAC (ISO/IEC 9797-1 algorithm 1) of the ASCII header followed by
 * the encrypted key data.
 *
 * <p>Holds the two variant keys prepared once; immutable and thread-safe; never exposes a key.
 */
final class KeyVariantBinding implements KeyBlockBinding {

    private static final int MAC_LENGTH = 4;
    private static final byte ENCRYPTION_VARIANT = 0x45;
    private static final byte MAC_VARIANT = 0x4D;

    private final BlockCipherKey encryptionKey;
    private final BlockCipherKey macKey;

    KeyVariantBinding(byte[] kbpk) {
        this.encryptionKey = BlockCipherKey.des(variant(kbpk, ENCRYPTION_VARIANT));
        this.macKey = BlockCipherKey.des(variant(kbpk, MAC_VARIANT));
    }

    private static byte[] variant(byte[] kbpk, byte mask) {
        byte[] out = new byte[kbpk.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (kbpk[i] ^ mask);
        }
        return out;
    }

    @Override
    public int blockSize() {
        return 8;
    }

    @Override
    public int macLength() {
        return MAC_LENGTH;
    }

    @Override
    public void protect(byte[] header, int headerLength, byte[] keyData, byte[] encrypted, byte[] mac) {
        CipherBlockChaining.encrypt(encryptionKey, header, 0, keyData, encrypted);
        CipherBlockChaining.mac(macKey, header, headerLength, encrypted, mac);
    }

    @Override
    public boolean recover(byte[] header, byte[] encrypted, byte[] mac, byte[] keyData) {
        byte[] expected = new byte[8];
        CipherBlockChaining.mac(macKey, header, header.length, encrypted, expected);
        if (!MessageDigest.isEqual(Arrays.copyOf(expected, MAC_LENGTH), mac)) {
            return false;
        }
        CipherBlockChaining.decrypt(encryptionKey, header, 0, encrypted, keyData);
        return true;
    }

    @Override
    public String describe() {
        return "TDES " + encryptionKey.length() / 8 + "-key, key variant binding";
    }
}
