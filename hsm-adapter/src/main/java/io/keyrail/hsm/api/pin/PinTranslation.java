package io.keyrail.hsm.api.pin;

/** Translates PIN blocks between PIN keys and ISO 9564-1 formats inside the HSM. */
public interface PinTranslation {

    PinTranslationResult translate(PinTranslationRequest request);
}
