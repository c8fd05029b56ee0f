package io.keyrail.hsm.crypto.pin;

import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;

/**
 * Translates an enciphered PIN block from one clear key and ISO 9564-1 format to another, the PIN
 * never leaving small nibble arrays (ISO 9564-1:2017 clause 9; PCI PIN requirement 3-3 on
 * format changes).
 *
 * <p>Guarantees: a change from a PAN-bound format (0, 3, 4) to format 1 or 2 is refused before
 * anything is deciphered; a source block that is not well formed gives the single
 * {@link PinTranslationOutcome.Malformed}, with no reason; clear fields are overwritten before
 * returning. Wrong block lengths, key types, PANs or fills are programming errors and throw an
 * {@link IllegalArgumentException} naming the field, never its value.
 *
 * <p>Hot path: one decryption and one encryption for formats 0 to 3 (two of each for format 4), no
 * text built from the PIN, and no random numbers unless the destination format needs fill (1, 3, 4)
 * and none is given. Stateless; the prepared {@link BlockCipherKey}s make it safe for any thread.
 */
public final class PinTranslator {

    private static final PinTranslationOutcome MALFORMED = new PinTranslationOutcome.Malformed();

    private PinTranslator() {
    }

    /**
     * Deciphers {@code block} ({@code sourceFormat} under {@code sourceKey}) and re-enciphers its PIN
     * in {@code destinationFormat} under {@code destinationKey}.
     *
     * @param pan the PAN (check digit included) when either format is bound to it (0, 3, 4); else unused
     * @param destinationFillHex the destination fill (formats 1 and 3: the nibbles after the PIN;
     *     format 4: the 16-nibble random half), or null for random fill; production callers pass null
     */
    public static PinTranslationOutcome translate(BlockCipherKey sourceKey, PinBlockFormat sourceFormat, byte[] block,
                                                  BlockCipherKey destinationKey, PinBlockFormat destinationFormat,
                                                  String pan, String destinationFillHex) {
        PinBlockInputs.requireFormat(sourceFormat, "source PIN block format");
        PinBlockInputs.requireFormat(destinationFormat, "destination PIN block format");
        if (!sourceFormat.mayTranslateTo(destinationFormat)) {
            return new PinTranslationOutcome.FormatChangeRefused(sourceFormat, destinationFormat);
        }
        PinBlockInputs.requireKey("source ", sourceFormat, sourceKey);
        PinBlockInputs.requireKey("destination ", destinationFormat, destinationKey);
        PinBlockInputs.requireBlock(sourceFormat, block, "source PIN block");
        if (sourceFormat.usesPan()) {
            PinBlockInputs.requirePan(sourceFormat, pan);
        }
        if (destinationFormat.usesPan()) {
            PinBlockInputs.requirePan(destinationFormat, pan);
        }
        PinBlockInputs.requireFillBeforeDecoding("destination ", destinationFormat, destinationFillHex);

        byte[] source = PinEncipherment.decipher(sourceFormat, sourceKey, block, pan);
        byte[] target = new byte[destinationFormat.blockLength()];
        try {
            int length = PinField.wellFormedLength(sourceFormat, source);
            if (length < 0) {
                return MALFORMED;
            }
            if (destinationFillHex != null && destinationFormat != PinBlockFormat.ISO_4
                    && destinationFillHex.length() != 14 - length) {
                throw new IllegalArgumentException("destination fill must have 14 minus the PIN length hexadecimal digits");
            }
            PinField.copyPin(source, length, destinationFormat, target);
            PinField.writeFill(destinationFormat, length, destinationFillHex, target);
            return new PinTranslationOutcome.Translated(
                    PinEncipherment.encipher(destinationFormat, destinationKey, target, pan));
        } finally {
            BlockCipherKey.wipe(source);
            BlockCipherKey.wipe(target);
        }
    }
}
