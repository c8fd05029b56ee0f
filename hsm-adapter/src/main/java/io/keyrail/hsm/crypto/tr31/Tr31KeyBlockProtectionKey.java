package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;

/**
 * A TR-31 / ANSI X9.143 key block protection key (KBPK) prepared once for one key block version:
 * its key block encryption and MAC keys (variants for A and C, CMAC-derived for B and D, TR-31:2018
 * and ANSI X9.143:2021) and their CMAC subkeys are computed at {@link #of} and reused by every
 * {@link #wrap} and {@link #unwrap}.
 *
 * <p>Guarantees: versions A, B and C take a 16- or 24-byte TDES KBPK, version D a 16-, 24- or
 * 32-byte AES KBPK; wrapping checks the key length against the header's algorithm and rewrites the
 * header's length field; unwrapping verifies the MAC (in constant time) before it returns a key.
 * Immutable and thread-safe. Never exposes the KBPK, the derived keys or a clear key in text:
 * {@link #toString()} names the version and cipher only, and error messages and
 * {@link Tr31Unwrapping.Malformed} reasons name fields and positions, never key data.
 */
public final class Tr31KeyBlockProtectionKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final Tr31Unwrapping MAC_MISMATCH = new Tr31Unwrapping.MacMismatch();
    private static final int MAX_LENGTH = 9999;

    private final KeyBlockVersion version;
    private final KeyBlockBinding binding;

    private Tr31KeyBlockProtectionKey(KeyBlockVersion version, KeyBlockBinding binding) {
        this.version = version;
        this.binding = binding;
    }

    /**
     * Prepares {@code kbpk} for {@code version}.
     *
     * @throws IllegalArgumentException when the KBPK's length does not suit the version
     */
    public static Tr31KeyBlockProtectionKey of(KeyBlockVersion version, byte[] kbpk) {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(kbpk, "kbpk");
        KeyBlockBinding binding = switch (version) {
            case A, C -> new KeyVariantBinding(requireTdes(version, kbpk));
            case B -> KeyDerivationBinding.tdes(requireTdes(version, kbpk));
            case D -> {
                if (kbpk.length != 16 && kbpk.length != 24 && kbpk.length != 32) {
                    throw new IllegalArgumentException("version D needs an AES key block protection key of 16, 24 or"
                            + " 32 bytes, not " + kbpk.length);
                }
                yield KeyDerivationBinding.aes(kbpk);
            }
        };
        return new Tr31KeyBlockProtectionKey(version, binding);
    }

    private static byte[] requireTdes(KeyBlockVersion version, byte[] kbpk) {
        if (kbpk.length != 16 && kbpk.length != 24) {
            throw new IllegalArgumentException("version " + version + " needs a TDES key block protection key of 16"
                    + " or 24 bytes, not " + kbpk.length);
        }
        return kbpk;
    }

    public KeyBlockVersion version() {
        return version;
    }

    /**
     * The pad {@link #wrap} draws when given none, for a key of {@code keyLength} bytes: the bytes
     * from the 2-byte length field and the key up to the next cipher block boundary (0 to 15).
     * A caller that has a random source at hand may draw this many bytes itself and pass them.
     */
    public int padLength(int keyLength) {
        int blockSize = binding.blockSize();
        return (blockSize - (2 + keyLength) % blockSize) % blockSize;
    }

    /**
     * Wraps {@code key} into a key block with {@code header}. The key data is the key length in
     * bits (2 bytes), the key and {@code pad}; a null {@code pad} means random bytes up to the next
     * cipher block boundary, and a longer pad masks the key length. A header whose length is not a
     * multiple of the cipher block gets a {@code PB} padding block of '0' characters.
     *
     * @throws IllegalArgumentException when the header's version is not this KBPK's, its algorithm
     *         is not D, T or A, the key length does not suit the algorithm, the pad does not end the
     *         key data on a block boundary, or the key block would pass 9999 characters
     */
    public String wrap(Tr31Header header, byte[] key, byte[] pad) {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(key, "key");
        if (header.version() != version) {
            throw new IllegalArgumentException("header version " + header.version()
                    + " does not match this key block protection key's version " + version);
        }
        KeyAlgorithm algorithm = algorithmOf(header.algorithm());
        if (algorithm == null) {
            throw new IllegalArgumentException(unsupportedAlgorithm(header.algorithm()));
        }
        if (!algorithm.allowsKeyLength(key.length)) {
            throw new IllegalArgumentException(keyDoesNotFit(key.length, algorithm));
        }
        int blockSize = binding.blockSize();
        int unpadded = 2 + key.length;
        int padLength = pad == null ? padLength(key.length) : pad.length;
        if ((unpadded + padLength) % blockSize != 0) {
            throw new IllegalArgumentException("pad of " + padLength + " bytes leaves " + (unpadded + padLength)
                    + " bytes of key data, not a multiple of the " + blockSize + "-byte cipher block");
        }
        Tr31Header padded = header.paddedTo(blockSize);
        int headerLength = padded.encodedLength();
        int keyDataLength = unpadded + padLength;
        int macLength = binding.macLength();
        int total = headerLength + 2 * keyDataLength + 2 * macLength;
        if (total > MAX_LENGTH) {
            throw new IllegalArgumentException("key block of " + total + " characters would pass the "
                    + MAX_LENGTH + " its length field can hold");
        }
        byte[] out = new byte[total];
        padded.encodeInto(out, total);
        byte[] keyData = new byte[keyDataLength];
        int bits = key.length * 8;
        keyData[0] = (byte) (bits >>> 8);
        keyData[1] = (byte) bits;
        System.arraycopy(key, 0, keyData, 2, key.length);
        if (pad == null) {
            byte[] random = new byte[padLength];
            RANDOM.nextBytes(random);
            System.arraycopy(random, 0, keyData, unpadded, padLength);
        } else {
            System.arraycopy(pad, 0, keyData, unpadded, padLength);
        }
        byte[] encrypted = new byte[keyDataLength];
        byte[] mac = new byte[blockSize];
        binding.protect(out, headerLength, keyData, encrypted, mac);
        BlockCipherKey.wipe(keyData);
        hexInto(encrypted, encrypted.length, out, headerLength);
        hexInto(mac, macLength, out, headerLength + 2 * keyDataLength);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * Unwraps {@code keyBlock}: checks its structure, verifies its MAC and returns the header and
     * key. The version ID must be this KBPK's; hexadecimal digits may be either case.
     */
    public Tr31Unwrapping unwrap(String keyBlock) {
        Objects.requireNonNull(keyBlock, "keyBlock");
        if (keyBlock.isEmpty()) {
            return new Tr31Unwrapping.Malformed("key block is empty");
        }
        char versionId = keyBlock.charAt(0);
        if (versionId != version.code() && versionId >= 'A' && versionId <= 'D') {
            return new Tr31Unwrapping.Malformed("key block version " + versionId
                    + " does not match this key block protection key's version " + version);
        }
        return switch (Tr31HeaderReader.read(keyBlock)) {
            case Tr31HeaderReader.Rejected rejected -> new Tr31Unwrapping.Malformed(rejected.reason());
            case Tr31HeaderReader.Read read -> unwrap(keyBlock, read);
        };
    }

    private Tr31Unwrapping unwrap(String keyBlock, Tr31HeaderReader.Read read) {
        int length = keyBlock.length();
        if (read.lengthField() != length) {
            return new Tr31Unwrapping.Malformed("header length field says " + read.lengthField()
                    + " but the key block has " + length + " characters");
        }
        int headerLength = read.length();
        int blockSize = binding.blockSize();
        if (headerLength % blockSize != 0) {
            return new Tr31Unwrapping.Malformed("header of " + headerLength + " characters is not a multiple of the "
                    + blockSize + "-byte cipher block");
        }
        KeyAlgorithm algorithm = algorithmOf(read.header().algorithm());
        if (algorithm == null) {
            return new Tr31Unwrapping.Malformed(unsupportedAlgorithm(read.header().algorithm()));
        }
        int macDigits = 2 * binding.macLength();
        int keyDataDigits = length - headerLength - macDigits;
        if (keyDataDigits <= 0 || keyDataDigits % (2 * blockSize) != 0) {
            return new Tr31Unwrapping.Malformed("encrypted key data must be a non-empty multiple of "
                    + 2 * blockSize + " hexadecimal digits, not " + Math.max(0, keyDataDigits));
        }
        byte[] encrypted = new byte[keyDataDigits / 2];
        byte[] mac = new byte[binding.macLength()];
        int bad = hexFrom(keyBlock, headerLength, encrypted);
        if (bad < 0) {
            bad = hexFrom(keyBlock, headerLength + keyDataDigits, mac);
        }
        if (bad >= 0) {
            return new Tr31Unwrapping.Malformed("key block has a non-hexadecimal character at position " + (bad + 1));
        }
        byte[] header = new byte[headerLength];
        for (int i = 0; i < headerLength; i++) {
            header[i] = (byte) keyBlock.charAt(i);
        }
        byte[] keyData = new byte[encrypted.length];
        if (!binding.recover(header, encrypted, mac, keyData)) {
            return MAC_MISMATCH;
        }
        try {
            return keyOf(read.header(), algorithm, keyData);
        } finally {
            BlockCipherKey.wipe(keyData);
        }
    }

    private static Tr31Unwrapping keyOf(Tr31Header header, KeyAlgorithm algorithm, byte[] keyData) {
        int bits = ((keyData[0] & 0xFF) << 8) | (keyData[1] & 0xFF);
        if (bits == 0 || bits % 8 != 0) {
            return new Tr31Unwrapping.Malformed("decrypted key length field must be a non-zero multiple of 8 bits,"
                    + " not " + bits);
        }
        int keyLength = bits / 8;
        if (keyLength > keyData.length - 2) {
            return new Tr31Unwrapping.Malformed("decrypted key length field says " + keyLength + " bytes but only "
                    + (keyData.length - 2) + " bytes of key data follow");
        }
        if (!algorithm.allowsKeyLength(keyLength)) {
            return new Tr31Unwrapping.Malformed("decrypted " + keyDoesNotFit(keyLength, algorithm));
        }
        return new Tr31Unwrapping.Unwrapped(header, Arrays.copyOfRange(keyData, 2, 2 + keyLength));
    }

    private static KeyAlgorithm algorithmOf(char code) {
        for (KeyAlgorithm a : KeyAlgorithm.values()) {
            if (a.code() == code) {
                return a;
            }
        }
        return null;
    }

    private static String unsupportedAlgorithm(char code) {
        return "header algorithm " + code + " is not D, T or A: only DES, TDES and AES keys are wrapped";
    }

    private static String keyDoesNotFit(int length, KeyAlgorithm algorithm) {
        return "key of " + length + " bytes does not fit header algorithm " + algorithm.code() + " (" + algorithm + ")";
    }

    private static void hexInto(byte[] bytes, int count, byte[] out, int offset) {
        for (int i = 0; i < count; i++) {
            out[offset + 2 * i] = HEX[(bytes[i] >>> 4) & 0x0F];
            out[offset + 2 * i + 1] = HEX[bytes[i] & 0x0F];
        }
    }

    /** Decodes hex digits of {@code text} from {@code offset} into {@code out}; -1, or the index of a bad character. */
    private static int hexFrom(String text, int offset, byte[] out) {
        for (int i = 0; i < out.length; i++) {
            int at = offset + 2 * i;
            int hi = hexDigit(text.charAt(at));
            int lo = hexDigit(text.charAt(at + 1));
            if (hi < 0) {
                return at;
            }
            if (lo < 0) {
                return at + 1;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return -1;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Names the version and cipher, never the key. */
    @Override
    public String toString() {
        return "Tr31KeyBlockProtectionKey[version " + version + ", " + binding.describe() + "]";
    }
}
