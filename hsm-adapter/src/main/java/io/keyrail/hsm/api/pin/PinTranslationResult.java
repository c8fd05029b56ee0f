package io.keyrail.hsm.api.pin;

/** The outcome of a PIN translation. None of them reveals the PIN. */
public sealed interface PinTranslationResult {

    /** The PIN block under the destination key, in the destination format. */
    record Translated(EncryptedPinBlock pinBlock) implements PinTranslationResult {
    }

    /** PCI PIN 3-3: a PIN in format 0, 3 or 4 is never translated into format 1 or 2. Nothing was decrypted. */
    record FormatChangeRefused(PinBlockFormat from, PinBlockFormat to) implements PinTranslationResult {
    }

    /** The block does not decrypt to a well-formed PIN block of the source format (CUP response 99). */
    record MalformedPinBlock() implements PinTranslationResult {
    }

    /** A key's usage or mode of use forbids the operation (for example a TAK given as the PIN key). */
    record KeyUsageRefused(String reason) implements PinTranslationResult {
    }
}
