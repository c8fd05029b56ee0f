package io.keyrail.rotation.signin;

import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import java.util.List;
import java.util.Optional;

/**
 * The CUP sign-in modes (0800 field 60.3) and the working keys each issues into field 62, in order.
 * Each key takes a fixed slot for its cryptogram under the TMK (8 or 16 bytes, a shorter
 * cryptogram padded with zero bytes) followed by its 4-byte check value:
 * 001: TPK and TAK single length (24 bytes); 003: TPK double length, TAK single length in a
 * 16-byte slot (40 bytes); 004: as 003 plus a double-length TDK (60 bytes).
 */
enum CupSignInMode {
    SINGLE_LENGTH("001", List.of(
            new Slot(KeyType.TPK, KeyScheme.DES_SINGLE, 8),
            new Slot(KeyType.TAK, KeyScheme.DES_SINGLE, 8))),
    DOUBLE_LENGTH("003", List.of(
            new Slot(KeyType.TPK, KeyScheme.TDES_2KEY, 16),
            new Slot(KeyType.TAK, KeyScheme.DES_SINGLE, 16))),
    DOUBLE_LENGTH_WITH_TDK("004", List.of(
            new Slot(KeyType.TPK, KeyScheme.TDES_2KEY, 16),
            new Slot(KeyType.TAK, KeyScheme.DES_SINGLE, 16),
            new Slot(KeyType.TDK, KeyScheme.TDES_2KEY, 16)));

    /** The check value that follows each cryptogram in field 62: 4 bytes. */
    static final int CHECK_VALUE_LENGTH = 4;

    /**
     * One working key's place in field 62.
     *
     * @param length bytes the cryptogram occupies (a shorter cryptogram is followed by zero bytes)
     */
    record Slot(KeyType keyType, KeyScheme scheme, int length) {

        WorkingKeyType eventKeyType() {
            return WorkingKeyType.valueOf(keyType.name());
        }
    }

    private final String code;
    private final List<Slot> slots;
    private final List<WorkingKeyType> keyTypes;
    private final int fieldLength;

    CupSignInMode(String code, List<Slot> slots) {
        this.code = code;
        this.slots = slots;
        this.keyTypes = slots.stream().map(Slot::eventKeyType).toList();
        this.fieldLength = slots.stream().mapToInt(s -> s.length() + CHECK_VALUE_LENGTH).sum();
    }

    /** The field 60.3 code: {@code 001}, {@code 003} or {@code 004}. */
    String code() {
        return code;
    }

    List<Slot> slots() {
        return slots;
    }

    List<WorkingKeyType> keyTypes() {
        return keyTypes;
    }

    /** Length of field 62 in bytes: 24, 40 or 60. */
    int fieldLength() {
        return fieldLength;
    }

    static Optional<CupSignInMode> ofCode(String code) {
        for (CupSignInMode m : values()) {
            if (m.code.equals(code)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
