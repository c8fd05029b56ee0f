package io.keyrail.local;

import java.util.List;

/**
 * The CUP sign-in modes (0800 field 60.3) as the specification lays out their field 62, written down
 * here independently of key-rotation's own table: per working key a slot for its cryptogram under the
 * TMK (a single-length key in a double-length slot is followed by 8 zero bytes) and a 4-byte check
 * value; 24, 40 or 60 bytes in all.
 */
enum CupMode {
    SINGLE_LENGTH("001", 24, List.of(new Slot("TPK", 8, 8), new Slot("TAK", 8, 8))),
    DOUBLE_LENGTH("003", 40, List.of(new Slot("TPK", 16, 16), new Slot("TAK", 8, 16))),
    DOUBLE_LENGTH_WITH_TDK("004", 60, List.of(new Slot("TPK", 16, 16), new Slot("TAK", 8, 16),
            new Slot("TDK", 16, 16)));

    /** Bytes of the check value after each cryptogram. */
    static final int CHECK_VALUE_LENGTH = 4;

    /** One working key's place: its key length and the length of its slot, in bytes. */
    record Slot(String keyType, int keyLength, int slotLength) {
    }

    private final String code;
    private final int fieldLength;
    private final List<Slot> slots;

    CupMode(String code, int fieldLength, List<Slot> slots) {
        this.code = code;
        this.fieldLength = fieldLength;
        this.slots = slots;
    }

    String code() {
        return code;
    }

    /** Length of field 62 in bytes. */
    int fieldLength() {
        return fieldLength;
    }

    List<Slot> slots() {
        return slots;
    }
}
