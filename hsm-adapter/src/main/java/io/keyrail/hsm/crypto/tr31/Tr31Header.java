package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.api.key.Exportability;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.key.ModeOfUse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clear header of a TR-31 / ANSI X9.143 key block (TR-31:2018 A.2 table 4; ANSI X9.143:2021
 * 6.2 table 1): the 16-character
 * fixed part (version ID, length, key usage, algorithm, mode of use, key version number,
 * exportability, optional block count, reserved field) and the optional blocks.
 *
 * <p>Guarantees: every field is ASCII letters or digits of the standard's width, and there are at
 * most 99 optional blocks. The key block length (bytes 2-5) is not a field: {@link #encode(int)}
 * writes it, and {@link #parse(String)} checks its form but leaves its value to the unwrapping
 * party, which compares it with the real length. The header is clear text and holds no secret.
 * Codes the enums do not know (for example key usage {@code S0} or algorithm {@code R}) are kept as
 * text; {@link #usage()}, {@link #mode()}, {@link #exportabilityCode()} and {@link #keyAlgorithm()}
 * throw {@link IllegalArgumentException} for them.
 */
public record Tr31Header(KeyBlockVersion version, String keyUsage, char algorithm, char modeOfUse,
                         String keyVersionNumber, char exportability, String reserved,
                         List<Tr31OptionalBlock> optionalBlocks) {

    /** Length of the fixed part of the header. */
    public static final int FIXED_LENGTH = 16;

    static final String USAGE_RULE = "header key usage must be 2 letters or digits";
    static final String ALGORITHM_RULE = "header algorithm must be a letter or digit";
    static final String MODE_RULE = "header mode of use must be a letter or digit";
    static final String KEY_VERSION_RULE = "header key version number must be 2 letters or digits";
    static final String EXPORTABILITY_RULE = "header exportability must be a letter or digit";
    static final String RESERVED_RULE = "header reserved field must be 2 letters or digits";
    static final int MAX_OPTIONAL_BLOCKS = 99;
    static final String PADDING_BLOCK_ID = "PB";

    public Tr31Header {
        Objects.requireNonNull(version, "version");
        require(isAlphanumeric(keyUsage, 2), USAGE_RULE);
        require(isAlphanumeric(algorithm), ALGORITHM_RULE);
        require(isAlphanumeric(modeOfUse), MODE_RULE);
        require(isAlphanumeric(keyVersionNumber, 2), KEY_VERSION_RULE);
        require(isAlphanumeric(exportability), EXPORTABILITY_RULE);
        require(isAlphanumeric(reserved, 2), RESERVED_RULE);
        optionalBlocks = List.copyOf(Objects.requireNonNull(optionalBlocks, "optionalBlocks"));
        if (optionalBlocks.size() > MAX_OPTIONAL_BLOCKS) {
            throw new IllegalArgumentException("header may carry at most " + MAX_OPTIONAL_BLOCKS
                    + " optional blocks, not " + optionalBlocks.size());
        }
    }

    /** A header without optional blocks, key version {@code 00} and reserved field {@code 00}. */
    public static Tr31Header of(KeyBlockVersion version, KeyUsage usage, KeyAlgorithm algorithm, ModeOfUse mode,
                                Exportability exportability) {
        return new Tr31Header(version, usage.name(), algorithm.code(), mode.code(), "00", exportability.code(), "00",
                List.of());
    }

    /**
     * Reads a header: the 16-character fixed part and the optional blocks it counts (bytes 13-14),
     * each a two-character ID, a two-hex-digit length (or {@code 00}, a length of the length and
     * the length) and data. The length field must be four decimal digits; its value is not used.
     *
     * @throws IllegalArgumentException naming the header field that is wrong, or when text
     *         follows the last optional block
     */
    public static Tr31Header parse(String header) {
        Objects.requireNonNull(header, "header");
        return switch (Tr31HeaderReader.read(header)) {
            case Tr31HeaderReader.Read read when read.length() == header.length() -> read.header();
            case Tr31HeaderReader.Read read -> throw new IllegalArgumentException("header has "
                    + (header.length() - read.length()) + " characters after its last field");
            case Tr31HeaderReader.Rejected rejected -> throw new IllegalArgumentException(rejected.reason());
        };
    }

    /** The header text with {@code totalLength} (the whole key block's length) in the length field. */
    public String encode(int totalLength) {
        byte[] out = new byte[encodedLength()];
        encodeInto(out, totalLength);
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** Characters this header takes: 16 plus its optional blocks. */
    public int encodedLength() {
        int length = FIXED_LENGTH;
        for (Tr31OptionalBlock block : optionalBlocks) {
            length += block.encodedLength();
        }
        return length;
    }

    /** Writes the header as ASCII at the start of {@code out}, with {@code totalLength} in its length field. */
    void encodeInto(byte[] out, int totalLength) {
        if (totalLength < 0 || totalLength > 9999) {
            throw new IllegalArgumentException("key block length must be 0 to 9999, not " + totalLength);
        }
        out[0] = (byte) version.code();
        for (int i = 4, rest = totalLength; i >= 1; i--, rest /= 10) {
            out[i] = (byte) ('0' + rest % 10);
        }
        out[5] = (byte) keyUsage.charAt(0);
        out[6] = (byte) keyUsage.charAt(1);
        out[7] = (byte) algorithm;
        out[8] = (byte) modeOfUse;
        out[9] = (byte) keyVersionNumber.charAt(0);
        out[10] = (byte) keyVersionNumber.charAt(1);
        out[11] = (byte) exportability;
        out[12] = (byte) ('0' + optionalBlocks.size() / 10);
        out[13] = (byte) ('0' + optionalBlocks.size() % 10);
        out[14] = (byte) reserved.charAt(0);
        out[15] = (byte) reserved.charAt(1);
        int at = FIXED_LENGTH;
        for (Tr31OptionalBlock block : optionalBlocks) {
            at = block.encodeInto(out, at);
        }
    }

    /**
     * This header, or a copy with a padding block {@code PB} of '0' characters appended, so that its
     * length is a multiple of {@code blockSize}: the header must fill whole cipher blocks. A header
     * that already ends in a padding block is not padded again.
     */
    Tr31Header paddedTo(int blockSize) {
        int length = encodedLength();
        int gap = (blockSize - length % blockSize) % blockSize;
        if (gap == 0) {
            return this;
        }
        if (!optionalBlocks.isEmpty() && optionalBlocks.getLast().id().equals(PADDING_BLOCK_ID)) {
            throw new IllegalArgumentException("header with a padding block is " + length
                    + " characters, not a multiple of the " + blockSize + "-byte cipher block");
        }
        if (gap < 4) {
            gap += blockSize;
        }
        List<Tr31OptionalBlock> padded = new ArrayList<>(optionalBlocks);
        padded.add(new Tr31OptionalBlock(PADDING_BLOCK_ID, "0".repeat(gap - 4)));
        return new Tr31Header(version, keyUsage, algorithm, modeOfUse, keyVersionNumber, exportability, reserved,
                padded);
    }

    /** The first optional block with {@code id}, if any. */
    public Optional<Tr31OptionalBlock> optionalBlock(String id) {
        return optionalBlocks.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    /** The key usage as the enum, or an exception when Keyrail does not know the code. */
    public KeyUsage usage() {
        return KeyUsage.ofCode(keyUsage);
    }

    /** The mode of use as the enum, or an exception when Keyrail does not know the code. */
    public ModeOfUse mode() {
        return ModeOfUse.ofCode(modeOfUse);
    }

    /** The exportability as the enum, or an exception when Keyrail does not know the code. */
    public Exportability exportabilityCode() {
        return Exportability.ofCode(exportability);
    }

    /** The wrapped key's algorithm as the enum, or an exception for codes other than D, T and A. */
    public KeyAlgorithm keyAlgorithm() {
        return KeyAlgorithm.ofCode(algorithm);
    }

    static boolean isAlphanumeric(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isAlphanumeric(String text, int length) {
        if (text == null || text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!isAlphanumeric(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
