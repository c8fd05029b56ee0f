package io.keyrail.hsm.crypto.mac;

import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * ISO/IEC 9797-1:2011 MAC algorithm 3, the "retail MAC" of ANSI X9.19: single-DES
 * CBC under K (initial transformation 1), then output transformation 3, G = e_K(d_K'(H_q)).
 *
 * <p>Guarantees: K and K' are two independent single-DES keys held only as prepared engines; the
 * message is chained in place, so a MAC costs q single-DES blocks plus two. Immutable and
 * thread-safe; never exposes K or K'.
 */
final class Iso9797RetailMac implements MacFunction {

    private final BlockCipherKey k;
    private final BlockCipherKey kPrime;

    Iso9797RetailMac(BlockCipherKey k, BlockCipherKey kPrime) {
        this.k = k;
        this.kPrime = kPrime;
    }

    @Override
    public int length() {
        return Iso9797CbcMac.BLOCK;
    }

    /** Writes the 8-byte MAC of {@code data} padded with {@code padding} into {@code out[0..8)}. */
    void mac(byte[] data, MacPadding padding, byte[] out) {
        Iso9797CbcMac.chain(k, data, padding, out);
        kPrime.decryptBlock(out, 0, out, 0);
        k.encryptBlock(out, 0, out, 0);
    }
}
