package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.api.key.KeyBlockVersion;
import java.util.Objects;

/**
 * One-off TR-31 / ANSI X9.143 wrapping and unwrapping with a raw key block protection key. Each
 * call prepares the KBPK anew; code that wraps or unwraps often under one KBPK should hold a
 * {@link Tr31KeyBlockProtectionKey} instead. Never exposes the KBPK or a key in text.
 */
public final class Tr31KeyBlocks {

    private Tr31KeyBlocks() {
    }

    /** Wraps {@code key} under {@code kbpk} for the header's version; see {@link Tr31KeyBlockProtectionKey#wrap}. */
    public static String wrap(byte[] kbpk, Tr31Header header, byte[] key, byte[] pad) {
        Objects.requireNonNull(header, "header");
        return Tr31KeyBlockProtectionKey.of(header.version(), kbpk).wrap(header, key, pad);
    }

    /**
     * Unwraps {@code keyBlock} under {@code kbpk}, prepared for the version its first character
     * names; an empty block or an unknown version ID is {@link Tr31Unwrapping.Malformed}.
     *
     * @throws IllegalArgumentException when the KBPK's length does not suit the block's version
     */
    public static Tr31Unwrapping unwrap(byte[] kbpk, String keyBlock) {
        Objects.requireNonNull(keyBlock, "keyBlock");
        if (keyBlock.isEmpty()) {
            return new Tr31Unwrapping.Malformed("key block is empty");
        }
        char id = keyBlock.charAt(0);
        for (KeyBlockVersion version : KeyBlockVersion.values()) {
            if (version.code() == id) {
                return Tr31KeyBlockProtectionKey.of(version, kbpk).unwrap(keyBlock);
            }
        }
        return new Tr31Unwrapping.Malformed("header version ID must be A, B, C or D");
    }
}
