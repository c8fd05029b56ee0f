package io.keyrail.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/** Validation shared by the event records: their constructors fail fast with a precise message. */
public final class EventFields {

    private static final Pattern TERMINAL_ID = Pattern.compile("[0-9A-Za-z]{8}");
    private static final Pattern MERCHANT_ID = Pattern.compile("[0-9A-Za-z]{15}");
    private static final Pattern CHECK_VALUE = Pattern.compile("[0-9A-F]{4,16}");

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
        if (value == null || !TERMINAL_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("terminalId must be 8 letters or digits");
        }
        return value;
    }

    public static String merchantId(String value) {
        if (value == null || !MERCHANT_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("merchantId must be 15 letters or digits");
        }
        return value;
    }

    public static String checkValue(String value) {
        if (value == null || !CHECK_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("checkValue must be 4 to 16 upper-case hexadecimal digits");
        }
        return value;
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
