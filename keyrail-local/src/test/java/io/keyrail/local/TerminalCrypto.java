package io.keyrail.local;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a POS terminal does with the clear material it is given, computed with the JDK's own DES and
 * TDES (JCE, {@code DES/ECB} and {@code DESede/ECB}) rather than the HSM adapter under test: forms its
 * TMK from the custodians' components (XOR, then odd parity, ISO 11568-2), decrypts the cryptograms of
 * sign-in field 62 under it (TDES-ECB) and computes check values (the leftmost bytes of E(key, 8 zero
 * bytes), ANSI X9.24-1). Test code: it handles clear test keys by design and never logs them.
 */
final class TerminalCrypto {

    static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TerminalCrypto() {
    }

    /** The key formed from 2 or 3 equal-length components: their XOR with odd parity set on every byte. */
    static byte[] formFromComponents(List<byte[]> components) {
        byte[] key = new byte[components.getFirst().length];
        for (byte[] c : components) {
            if (c.length != key.length) {
                throw new IllegalArgumentException("components of " + key.length + " and " + c.length + " bytes");
            }
            for (int i = 0; i < key.length; i++) {
                key[i] ^= c[i];
            }
        }
        return withOddParity(key);
    }

    static byte[] withOddParity(byte[] key) {
        byte[] out = key.clone();
        for (int i = 0; i < out.length; i++) {
            int high = out[i] & 0xFE;
            out[i] = (byte) (high | (Integer.bitCount(high) % 2 == 0 ? 1 : 0));
        }
        return out;
    }

    static boolean hasOddParity(byte[] key) {
        for (byte b : key) {
            if (Integer.bitCount(b & 0xFF) % 2 == 0) {
                return false;
            }
        }
        return true;
    }

    /** ECB decryption under an 8-byte DES or a 16- or 24-byte TDES key. */
    static byte[] decryptEcb(byte[] key, byte[] data) {
        return run(Cipher.DECRYPT_MODE, key, data);
    }

    /** The check value of a DES or TDES key: the leftmost {@code bytes} bytes of E(key, 8 zero bytes), upper-case hex. */
    static String checkValue(byte[] key, int bytes) {
        return HEX.formatHex(Arrays.copyOf(run(Cipher.ENCRYPT_MODE, key, new byte[8]), bytes));
    }

    private static byte[] run(int mode, byte[] key, byte[] data) {
        try {
            Cipher cipher;
            if (key.length == 8) {
                cipher = Cipher.getInstance("DES/ECB/NoPadding");
                cipher.init(mode, new SecretKeySpec(key, "DES"));
            } else if (key.length == 16 || key.length == 24) {
                byte[] threeKeys = key.length == 24 ? key : concat(key, Arrays.copyOf(key, 8)); // K1 K2 K1
                cipher = Cipher.getInstance("DESede/ECB/NoPadding");
                cipher.init(mode, new SecretKeySpec(threeKeys, "DESede"));
            } else {
                throw new IllegalArgumentException("a DES or TDES key is 8, 16 or 24 bytes, not " + key.length);
            }
            return cipher.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JCE DES/TDES failed", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
