package io.keyrail.hsm.api.pin;

import io.keyrail.hsm.api.key.KeyBlock;
import java.util.Objects;

/** A PIN block to move from one PIN key and format to another (TPK to ZPK, or ZPK to ZPK). */
public record PinTranslationRequest(KeyBlock sourceKey, PinBlockFormat sourceFormat, EncryptedPinBlock pinBlock,
                                    KeyBlock destinationKey, PinBlockFormat destinationFormat,
                                    PrimaryAccountNumber pan) {

    public PinTranslationRequest {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(sourceFormat, "sourceFormat");
        Objects.requireNonNull(pinBlock, "pinBlock");
        Objects.requireNonNull(destinationKey, "destinationKey");
        Objects.requireNonNull(destinationFormat, "destinationFormat");
        if (pinBlock.length() != sourceFormat.blockLength()) {
            throw new IllegalArgumentException("a format " + sourceFormat.number() + " PIN block is "
                    + sourceFormat.blockLength() + " bytes, not " + pinBlock.length());
        }
        if ((sourceFormat.usesPan() || destinationFormat.usesPan()) && pan == null) {
            throw new IllegalArgumentException("formats 0, 3 and 4 need the PAN");
        }
    }
}
