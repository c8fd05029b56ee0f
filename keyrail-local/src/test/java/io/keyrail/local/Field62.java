package io.keyrail.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** Reads a sign-in answer's field 62 as a terminal does, checking its length and layout on the way. */
final class Field62 {

    /** One working key from field 62: its cryptogram under the TMK (padding removed) and its check value, hex. */
    record Entry(String keyType, int keyLength, String cryptogram, String checkValue) {
    }

    private Field62() {
    }

    /** The entries of {@code field} (hex) in {@code mode}'s slot order; fails on a wrong length or non-zero padding. */
    static List<Entry> read(CupMode mode, String field) {
        assertThat(field).as("field 62 of mode %s", mode.code()).isNotNull().matches("[0-9A-F]*");
        assertThat(field.length() / 2).as("field 62 length in bytes, mode %s", mode.code()).isEqualTo(mode.fieldLength());
        List<Entry> entries = new ArrayList<>();
        int at = 0;
        for (CupMode.Slot slot : mode.slots()) {
            String cryptogram = field.substring(at, at + slot.keyLength() * 2);
            String padding = field.substring(at + slot.keyLength() * 2, at + slot.slotLength() * 2);
            at += slot.slotLength() * 2;
            String checkValue = field.substring(at, at + CupMode.CHECK_VALUE_LENGTH * 2);
            at += CupMode.CHECK_VALUE_LENGTH * 2;
            assertThat(padding).as("the zero bytes after the %d-byte %s in its %d-byte slot, mode %s",
                    slot.keyLength(), slot.keyType(), slot.slotLength(), mode.code()).matches("0*");
            entries.add(new Entry(slot.keyType(), slot.keyLength(), cryptogram, checkValue));
        }
        return entries;
    }
}
