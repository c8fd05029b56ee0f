package io.keyrail.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.IntPredicate;

/** Validation shared by the event records: their constructors fail fast with a precise message. */
public final class EventFields {

    // Checked character by character, not with regular expressions: every event is built through
    // these, four per sign-in on the writer and once per consumed record, and the regex matchers
    // were about 3 % of the sign-in service's CPU samples.

    private EventFields() {
    }

    /**
     * Checks the fields every {@link TerminalScopedEvent} opens with, in this order: its id, when it
     * happened, the terminal and the terminal's merchant. The record's constructor checks the rest.
     */
    public static void terminalScoped(UUID eventId, Instant occurredAt, String terminalId, String merchantId) {
        required(eventId, "eventId");
        required(occurredAt, "occurredAt");
        terminalId(terminalId);
        merchantId(merchantId);
    }

    public static String terminalId(String value) {
        if (value == null || !lettersOrDigits(value, 8, 8)) {
            throw new IllegalArgumentException("terminalId must be 8 letters or digits");
        }
        return value;
    }

    public static String merchantId(String value) {
        if (value == null || !lettersOrDigits(value, 15, 15)) {
            throw new IllegalArgumentException("merchantId must be 15 letters or digits");
        }
        return value;
    }

    public static String checkValue(String value) {
        if (value == null || !upperHex(value, 4, 16)) {
            throw new IllegalArgumentException("checkValue must be 4 to 16 upper-case hexadecimal digits");
        }
        return value;
    }

    /** {@code value} has {@code min} to {@code max} characters, each an ASCII letter or digit ({@code [0-9A-Za-z]}). */
    static boolean lettersOrDigits(String value, int min, int max) {
        return lengthIn(value, min, max) && allChars(value, 0, value.length(),
                c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
    }

    /** {@code value} has {@code min} to {@code max} characters, each an upper-case hexadecimal digit ({@code [0-9A-F]}). */
    static boolean upperHex(String value, int min, int max) {
        return lengthIn(value, min, max) && allChars(value, 0, value.length(), c -> c >= '0' && c <= '9' || c >= 'A' && c <= 'F');
    }

    /** Every character of {@code value} from {@code from} (inclusive) to {@code to} (exclusive) is {@code allowed}. */
    public static boolean allChars(String value, int from, int to, IntPredicate allowed) {
        for (int i = from; i < to; i++) {
            if (!allowed.test(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean lengthIn(String value, int min, int max) {
        return value.length() >= min && value.length() <= max;
    }

    public static <T> T required(T value, String name) {
        return Objects.requireNonNull(value, () -> name + " is required");
    }

    public static int version(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
        return value;
    }
}
