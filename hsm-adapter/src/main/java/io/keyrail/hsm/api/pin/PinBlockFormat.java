package io.keyrail.hsm.api.pin;

/** ISO 9564-1 PIN block formats. Formats 0 to 3 are 8-byte (TDES) blocks; format 4 is a 16-byte AES block. */
public enum PinBlockFormat {
    /** ISO 9564-1 format 0 (ANSI X9.8): PIN field XOR PAN field. */
    ISO_0(0),
    /** ISO 9564-1 format 1: PIN with transaction fill, no PAN. */
    ISO_1(1),
    /** ISO 9564-1 format 2: PIN padded with F, for ICC offline PIN; no PAN. */
    ISO_2(2),
    /** ISO 9564-1 format 3: as format 0 but with random fill A-F. */
    ISO_3(3),
    /** ISO 9564-1 format 4: AES, 16-byte PIN field and PAN field. */
    ISO_4(4);

    private final int number;

    PinBlockFormat(int number) {
        this.number = number;
    }

    /** The format number 0 to 4. */
    public int number() {
        return number;
    }

    /** True when the block is bound to a PAN (formats 0, 3 and 4). */
    public boolean usesPan() {
        return this == ISO_0 || this == ISO_3 || this == ISO_4;
    }

    /** Block length in bytes: 8 for formats 0 to 3, 16 for format 4. */
    public int blockLength() {
        return this == ISO_4 ? 16 : 8;
    }

    /**
     * Whether a PIN in this format may be translated into {@code target}: PCI PIN requirement 3-3
     * forbids translating a PAN-bound format (0, 3, 4) into format 1 or 2.
     */
    public boolean mayTranslateTo(PinBlockFormat target) {
        return !(usesPan() && (target == ISO_1 || target == ISO_2));
    }

    /** The format numbered {@code number}, or an exception naming it. */
    public static PinBlockFormat ofNumber(int number) {
        for (PinBlockFormat f : values()) {
            if (f.number == number) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown PIN block format " + number + ": expected 0, 1, 2, 3 or 4");
    }
}
