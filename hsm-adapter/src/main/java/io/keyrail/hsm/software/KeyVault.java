package io.keyrail.hsm.software;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.keyrail.hsm.api.KeyBlockRejectedException;
import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.util.List;

/**
 * Opens key blocks under the LMK ring and seals clear keys into new ones. Opened keys are kept in
 * a bounded cache keyed by the key block text, so a hot key (a terminal's TAK during the day) is
 * unwrapped once, not on every call.
 *
 * <p>Guarantees: a key block that fails its integrity check or names an unknown LMK is rejected
 * with {@link KeyBlockRejectedException}, whose message carries no key material.
 */
final class KeyVault {

    private final LmkRing lmks;
    private final Cache<KeyBlock, OpenedKey> opened;

    KeyVault(LmkRing lmks, long cacheSize) {
        this.lmks = lmks;
        this.opened = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    LmkRing lmks() {
        return lmks;
    }

    /** The key inside {@code block}, opened under its LMK (from the cache when it was opened before). */
    OpenedKey open(KeyBlock block) {
        OpenedKey key = opened.getIfPresent(block);
        if (key == null) {
            key = unwrap(block);
            opened.put(block, key);
        }
        return key;
    }

    private OpenedKey unwrap(KeyBlock block) {
        Tr31Unwrapping result = lmks.lmk(block.lmkId()).unwrap(block.value());
        return switch (result) {
            case Tr31Unwrapping.Unwrapped u when isComponent(u.header()) -> {
                BlockCipherKey.wipe(u.key());
                throw new KeyBlockRejectedException("key block " + block.header() + " holds a key component, which is"
                        + " released to its custodian, never used as a key");
            }
            case Tr31Unwrapping.Unwrapped u -> {
                try {
                    yield new OpenedKey(u.header(), u.key());
                } finally {
                    BlockCipherKey.wipe(u.key());
                }
            }
            case Tr31Unwrapping.MacMismatch m ->
                    throw new KeyBlockRejectedException("key block " + block.header() + " fails its integrity check under LMK "
                            + block.lmkId());
            case Tr31Unwrapping.Malformed m ->
                    throw new KeyBlockRejectedException("key block under LMK " + block.lmkId() + " is malformed: " + m.reason());
        };
    }

    /** Wraps {@code clear} under the current LMK with the given attributes and a pad it draws; does not cache it. */
    KeyBlock seal(byte[] clear, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode, Exportability exportability) {
        return seal(clear, null, usage, algorithm, mode, exportability);
    }

    /**
     * Wraps {@code clear} under the current LMK with the given attributes and {@code pad} (random
     * bytes, {@link #padLength} of them; null to have the LMK draw its own); does not cache it.
     */
    KeyBlock seal(byte[] clear, byte[] pad, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode,
                  Exportability exportability) {
        Tr31Header header = new Tr31Header(KeyBlockVersion.D, usage.name(), algorithm.code(), mode.code(), "00",
                exportability.code(), "00", List.of());
        return new KeyBlock(lmks.currentId(), lmks.current().wrap(header, clear, pad));
    }

    /** Bytes of random pad a key of {@code keyLength} bytes takes in a key block under the current LMK. */
    int padLength(int keyLength) {
        return lmks.current().padLength(keyLength);
    }

    /** A clear component opened for release: the caller wipes {@code clear}. */
    record Component(KeyAlgorithm algorithm, byte[] clear) {
    }

    /**
     * Wraps component {@code number} under the current LMK with key version {@code c<number>}
     * (TR-31:2018 A.5.5) and exportability N; does not cache it.
     */
    KeyBlock sealComponent(byte[] clear, int number, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode) {
        Tr31Header header = new Tr31Header(KeyBlockVersion.D, usage.name(), algorithm.code(), mode.code(), "c" + number,
                Exportability.N.code(), "00", List.of());
        return new KeyBlock(lmks.currentId(), lmks.current().wrap(header, clear, null));
    }

    /** Opens a sealed component, bypassing the cache; ordinary key blocks are rejected. */
    Component openComponent(KeyBlock block) {
        Tr31Unwrapping result = lmks.lmk(block.lmkId()).unwrap(block.value());
        return switch (result) {
            case Tr31Unwrapping.Unwrapped u when isComponent(u.header()) ->
                    new Component(u.header().keyAlgorithm(), u.key());
            case Tr31Unwrapping.Unwrapped u -> {
                java.util.Arrays.fill(u.key(), (byte) 0);
                throw new KeyBlockRejectedException("key block " + block.header() + " holds a key, not a component");
            }
            case Tr31Unwrapping.MacMismatch m ->
                    throw new KeyBlockRejectedException("sealed component " + block.header()
                            + " fails its integrity check under LMK " + block.lmkId());
            case Tr31Unwrapping.Malformed m ->
                    throw new KeyBlockRejectedException("sealed component under LMK " + block.lmkId() + " is malformed: "
                            + m.reason());
        };
    }

    private static boolean isComponent(Tr31Header header) {
        return header.keyVersionNumber().charAt(0) == 'c';
    }

    /** Wraps {@code key} under the LMK {@code lmkId}, keeping its header attributes. */
    KeyBlock sealUnder(String lmkId, OpenedKey key) {
        Tr31Header h = key.header();
        Tr31Header header = new Tr31Header(KeyBlockVersion.D, h.keyUsage(), h.algorithm(), h.modeOfUse(),
                h.keyVersionNumber(), h.exportability(), h.reserved(), h.optionalBlocks());
        byte[] clear = key.clearCopy();
        try {
            return new KeyBlock(lmkId, lmks.lmk(lmkId).wrap(header, clear, null));
        } finally {
            java.util.Arrays.fill(clear, (byte) 0);
        }
    }
}
