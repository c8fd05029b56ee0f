package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The TR-31 key derivation binding method (ASC X9 TR-31:2018, ANSI X9.143:2021; versions B and
 * D): the key block encryption key (KBEK) and MAC key (KBMK) are derived from the KBPK with CMAC in
 * counter mode (NIST SP 800-108) over the 8-byte derivation data counter || key usage indicator
 * (0000 encryption, 0001 MAC) || 00 || algorithm indicator (0000 2-key TDES, 0001 3-key TDES,
 * 0002/0003/0004 AES-128/192/256) || key length in bits. The MAC is the CMAC under the KBMK of the
 * ASCII header followed by the clear key data (8 bytes for TDES, 16 for AES), and the key data is
 * CBC encrypted under the KBEK with the MAC as IV.
 *
 * <p>Derives both keys and the CMAC subkeys once; immutable and thread-safe; never exposes a key.
 */
final class KeyDerivationBinding implements KeyBlockBinding {

    private static final int USAGE_ENCRYPTION = 0x0000;
    private static final int USAGE_MAC = 0x0001;

    private final BlockCipherKey encryptionKey;
    private final Cmac macKey;
    private final String description;

    private KeyDerivationBinding(BlockCipherKey kbpk, int algorithmIndicator, String description) {
        Cmac derivation = new Cmac(kbpk);
        byte[] kbek = derive(derivation, kbpk.length(), USAGE_ENCRYPTION, algorithmIndicator);
        byte[] kbmk = derive(derivation, kbpk.length(), USAGE_MAC, algorithmIndicator);
        this.encryptionKey = BlockCipherKey.of(kbpk.algorithm(), kbek);
        this.macKey = new Cmac(BlockCipherKey.of(kbpk.algorithm(), kbmk));
        this.description = description;
        BlockCipherKey.wipe(kbek);
        BlockCipherKey.wipe(kbmk);
    }

    /** Version B: a 2-key (16 bytes) or 3-key (24 bytes) TDES KBPK. */
    static KeyDerivationBinding tdes(byte[] kbpk) {
        return new KeyDerivationBinding(BlockCipherKey.des(kbpk), kbpk.length == 16 ? 0x0000 : 0x0001,
                "TDES " + kbpk.length / 8 + "-key, key derivation binding");
    }

    /** Version D: an AES-128, AES-192 or AES-256 KBPK. */
    static KeyDerivationBinding aes(byte[] kbpk) {
        int indicator = switch (kbpk.length) {
            case 16 -> 0x0002;
            case 24 -> 0x0003;
            default -> 0x0004;
        };
        return new KeyDerivationBinding(BlockCipherKey.aes(kbpk), indicator,
                "AES-" + kbpk.length * 8 + ", key derivation binding");
    }

    private static byte[] derive(Cmac derivation, int keyLength, int usage, int algorithmIndicator) {
        int size = derivation.blockSize();
        int bits = keyLength * 8;
        byte[] data = {0, (byte) (usage >>> 8), (byte) usage, 0,
                (byte) (algorithmIndicator >>> 8), (byte) algorithmIndicator, (byte) (bits >>> 8), (byte) bits};
        byte[] derived = new byte[(keyLength + size - 1) / size * size];
        byte[] block = new byte[size];
        for (int counter = 1; (counter - 1) * size < keyLength; counter++) {
            data[0] = (byte) counter;
            derivation.mac(data, 0, data.length, block);
            System.arraycopy(block, 0, derived, (counter - 1) * size, size);
        }
        byte[] key = Arrays.copyOf(derived, keyLength);
        BlockCipherKey.wipe(derived);
        BlockCipherKey.wipe(block);
        return key;
    }

    @Override
    public int blockSize() {
        return macKey.blockSize();
    }

    @Override
    public int macLength() {
        return macKey.blockSize();
    }

    @Override
    public void protect(byte[] header, int headerLength, byte[] keyData, byte[] encrypted, byte[] mac) {
        byte[] input = new byte[headerLength + keyData.length];
        System.arraycopy(header, 0, input, 0, headerLength);
        System.arraycopy(keyData, 0, input, headerLength, keyData.length);
        macKey.mac(input, 0, input.length, mac);
        BlockCipherKey.wipe(input);
        CipherBlockChaining.encrypt(encryptionKey, mac, 0, keyData, encrypted);
    }

    @Override
    public boolean recover(byte[] header, byte[] encrypted, byte[] mac, byte[] keyData) {
        CipherBlockChaining.decrypt(encryptionKey, mac, 0, encrypted, keyData);
        byte[] input = new byte[header.length + keyData.length];
        System.arraycopy(header, 0, input, 0, header.length);
        System.arraycopy(keyData, 0, input, header.length, keyData.length);
        byte[] expected = new byte[macKey.blockSize()];
        macKey.mac(input, 0, input.length, expected);
        BlockCipherKey.wipe(input);
        if (MessageDigest.isEqual(expected, mac)) {
            return true;
        }
        BlockCipherKey.wipe(keyData);
        return false;
    }

    @Override
    public String describe() {
        return description;
    }
}
