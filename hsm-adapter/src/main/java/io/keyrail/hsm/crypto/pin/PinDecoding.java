package io.keyrail.hsm.crypto.pin;

/**
 * What deciphering or decoding an ISO 9564-1 PIN block gave: the PIN, or the single verdict that
 * the block is not a well-formed block of the expected format.
 *
 * <p>Guarantees: {@link Malformed} carries no reason, digit or position, so a caller (or an
 * attacker probing with crafted blocks) learns only that the block was rejected, never which of the
 * checks of ISO 9564-1:2017 clauses 9.3 and 9.4.2 failed. {@link Decoded#toString()} masks the PIN.
 */
public sealed interface PinDecoding permits PinDecoding.Decoded, PinDecoding.Malformed {

    /**
     * A well-formed block and the PIN it carried.
     *
     * @param pin 4 to 12 decimal digits
     */
    record Decoded(String pin) implements PinDecoding {

        public Decoded {
            if (!Iso9564PinBlock.isPin(pin)) {
                throw new IllegalArgumentException("decoded PIN must be 4 to 12 decimal digits");
            }
        }

        /** Masks the PIN: {@code Decoded[pin=****]}. */
        @Override
        public String toString() {
            return "Decoded[pin=****]";
        }
    }

    /** The block is not a well-formed block of the expected format; no reason is given. */
    record Malformed() implements PinDecoding {
    }
}
