package io.keyrail.hsm.crypto.tr31;

import io.keyrail.hsm.api.key.KeyBlockVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header at the start of a TR-31 key block (TR-31:2018 A.2; X9.143:2021 6.2) without throwing: a malformed
 * header is an expected outcome of unwrapping untrusted input, so it comes back as a reason that
 * names the wrong field. Reasons quote header IDs only (clear, validated letters or digits), never
 * any part of the encrypted body.
 */
final class Tr31HeaderReader {

    private Tr31HeaderReader() {
    }

    /** What reading gave: a header, or the reason it is malformed. */
    sealed interface Result permits Read, Rejected {
    }

    /**
     * A well-formed header that takes the first {@code length} characters and whose length field
     * holds {@code lengthField}.
     */
    record Read(Tr31Header header, int length, int lengthField) implements Result {
    }

    /** A malformed header, with the reason. */
    record Rejected(String reason) implements Result {
    }

    static Result read(String text) {
        if (text.length() < Tr31Header.FIXED_LENGTH) {
            return new Rejected("header must be at least 16 characters, not " + text.length());
        }
        KeyBlockVersion version = versionOf(text.charAt(0));
        if (version == null) {
            return new Rejected("header version ID must be A, B, C or D");
        }
        int lengthField = decimal(text, 1, 4);
        if (lengthField < 0) {
            return new Rejected("header length field must be 4 decimal digits");
        }
        String problem = fixedFieldProblem(text);
        if (problem != null) {
            return new Rejected(problem);
        }
        int count = decimal(text, 12, 2);
        if (count < 0) {
            return new Rejected("header optional block count must be 2 decimal digits");
        }
        List<Tr31OptionalBlock> blocks = new ArrayList<>(count);
        int at = Tr31Header.FIXED_LENGTH;
        for (int n = 1; n <= count; n++) {
            BlockRead block = readBlock(text, at, n);
            if (block.problem() != null) {
                return new Rejected(block.problem());
            }
            blocks.add(block.block());
            at = block.end();
        }
        Tr31Header header = new Tr31Header(version, text.substring(5, 7), text.charAt(7), text.charAt(8),
                text.substring(9, 11), text.charAt(11), text.substring(14, 16), blocks);
        return new Read(header, at, lengthField);
    }

    /** One optional block read from {@code text}: the block and where it ends, or what is wrong. */
    private record BlockRead(Tr31OptionalBlock block, int end, String problem) {

        static BlockRead wrong(String problem) {
            return new BlockRead(null, -1, problem);
        }
    }

    private static BlockRead readBlock(String text, int at, int n) {
        if (at + 4 > text.length()) {
            return BlockRead.wrong("optional block " + n + " is cut short: its ID and length need 4 characters, only "
                    + (text.length() - at) + " remain");
        }
        if (!alphanumeric(text, at, 2)) {
            return BlockRead.wrong("optional block " + n + " ID must be 2 letters or digits");
        }
        String name = "optional block " + n + " (" + text.substring(at, at + 2) + ")";
        int length = hex(text, at + 2, 2);
        if (length < 0) {
            return BlockRead.wrong(name + " length must be 2 hexadecimal digits");
        }
        int fieldLength = 4;
        if (length == 0) {
            int lengthOfLength = hex(text, at + 4, 2);
            if (lengthOfLength < 0) {
                return BlockRead.wrong(name + " extended length must give its length of length as 2 hexadecimal digits");
            }
            if (lengthOfLength < 1 || lengthOfLength > 2) {
                return BlockRead.wrong(name + " extended length of length must be 1 or 2 bytes, not " + lengthOfLength);
            }
            length = hex(text, at + 6, 2 * lengthOfLength);
            if (length < 0) {
                return BlockRead.wrong(name + " extended length must be " + 2 * lengthOfLength + " hexadecimal digits");
            }
            fieldLength = 6 + 2 * lengthOfLength;
        }
        if (length < fieldLength) {
            return BlockRead.wrong(name + " length " + length + " does not cover its ID and length field");
        }
        if (at + length > text.length()) {
            return BlockRead.wrong(name + " length " + length + " runs past the end: only " + (text.length() - at)
                    + " characters remain");
        }
        if (length - fieldLength > Tr31OptionalBlock.MAX_DATA_LENGTH) {
            return BlockRead.wrong(name + " data must be at most " + Tr31OptionalBlock.MAX_DATA_LENGTH + " characters");
        }
        if (!Tr31OptionalBlock.isPrintable(text, at + fieldLength, at + length)) {
            return BlockRead.wrong(name + " data must be printable ASCII");
        }
        Tr31OptionalBlock block = new Tr31OptionalBlock(text.substring(at, at + 2),
                text.substring(at + fieldLength, at + length));
        return new BlockRead(block, at + length, null);
    }

    private static String fixedFieldProblem(String text) {
        if (!alphanumeric(text, 5, 2)) {
            return Tr31Header.USAGE_RULE;
        }
        if (!alphanumeric(text, 7, 1)) {
            return Tr31Header.ALGORITHM_RULE;
        }
        if (!alphanumeric(text, 8, 1)) {
            return Tr31Header.MODE_RULE;
        }
        if (!alphanumeric(text, 9, 2)) {
            return Tr31Header.KEY_VERSION_RULE;
        }
        if (!alphanumeric(text, 11, 1)) {
            return Tr31Header.EXPORTABILITY_RULE;
        }
        if (!alphanumeric(text, 14, 2)) {
            return Tr31Header.RESERVED_RULE;
        }
        return null;
    }

    private static KeyBlockVersion versionOf(char code) {
        for (KeyBlockVersion v : KeyBlockVersion.values()) {
            if (v.code() == code) {
                return v;
            }
        }
        return null;
    }

    private static boolean alphanumeric(String text, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!Tr31Header.isAlphanumeric(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of {@code count} decimal digits at {@code from}, or -1. */
    private static int decimal(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The value of {@code count} hexadecimal digits at {@code from}, or -1 (also when cut short). */
    private static int hex(String text, int from, int count) {
        if (from + count > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0 || text.charAt(i) > 0x7F) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
