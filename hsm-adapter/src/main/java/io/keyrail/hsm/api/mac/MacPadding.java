package io.keyrail.hsm.api.mac;

/** ISO/IEC 9797-1 padding methods. */
public enum MacPadding {
    /** Method 1: zero bits up to a block multiple (one zero block for empty data). */
    METHOD_1(1),
    /** Method 2: a single 1 bit, then zero bits up to a block multiple. */
    METHOD_2(2),
    /** Method 3: a block holding the data length in bits, then method 1. */
    METHOD_3(3);

    private final int number;

    MacPadding(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static MacPadding ofNumber(int number) {
        for (MacPadding p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown padding method " + number + ": expected 1, 2 or 3");
    }
}
