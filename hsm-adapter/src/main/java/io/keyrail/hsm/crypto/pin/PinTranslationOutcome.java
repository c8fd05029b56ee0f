package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import java.util.Arrays;
import java.util.Objects;

/**
 * What a PIN translation gave: the block under the destination key, a refusal of the format change
 * (PCI PIN requirement 3-3: a PAN-bound block in ISO 9564-1 format 0, 3 or 4 never becomes format
 * 1 or 2), or the single verdict that the source block is malformed.
 *
 * <p>Guarantees: {@link Malformed} carries no reason; {@link Translated#toString()} never shows the
 * block, and {@link Translated} hands out copies only, so no caller can change a block another holds.
 */
public sealed interface PinTranslationOutcome
        permits PinTranslationOutcome.Translated, PinTranslationOutcome.FormatChangeRefused,
        PinTranslationOutcome.Malformed {

    /**
     * The PIN, re-encoded in the destination format and enciphered under the destination key.
     *
     * @param block 8 bytes (formats 0 to 3) or 16 bytes (format 4)
     */
    record Translated(byte[] block) implements PinTranslationOutcome {

        public Translated {
            Objects.requireNonNull(block, "translated PIN block is missing");
            if (block.length != 8 && block.length != 16) {
                throw new IllegalArgumentException("translated PIN block must be 8 or 16 bytes, not " + block.length);
            }
            block = block.clone();
        }

        /** A copy of the enciphered block. */
        @Override
        public byte[] block() {
            return block.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Translated t && Arrays.equals(block, t.block);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(block);
        }

        /** Names the block length only. */
        @Override
        public String toString() {
            return "Translated[" + block.length + "-byte block]";
        }
    }

    /**
     * The translation from {@code from} to {@code to} is forbidden (PCI PIN requirement 3-3); nothing
     * was deciphered.
     */
    record FormatChangeRefused(PinBlockFormat from, PinBlockFormat to) implements PinTranslationOutcome {

        public FormatChangeRefused {
            Objects.requireNonNull(from, "source format is missing");
            Objects.requireNonNull(to, "destination format is missing");
        }
    }

    /** The source block is not a well-formed block of the source format; no reason is given. */
    record Malformed() implements PinTranslationOutcome {
    }
}
