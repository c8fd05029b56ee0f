package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyUsage;
import io.keyrail.hsm.api.pin.EncryptedPinBlock;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.api.pin.PinTranslation;
import io.keyrail.hsm.api.pin.PinTranslationRequest;
import io.keyrail.hsm.api.pin.PinTranslationResult;
import io.keyrail.hsm.crypto.pin.PinTranslationOutcome;
import io.keyrail.hsm.crypto.pin.PinTranslator;

/**
 * PIN translation in the software HSM: both keys must be PIN keys (usage P0), the source allowed
 * to decrypt and the destination to encrypt, each of the algorithm its format needs (TDES for
 * formats 0 to 3, AES for format 4). The clear PIN exists only inside {@link PinTranslator}.
 */
final class SoftwarePinTranslation implements PinTranslation {

    private final KeyVault vault;

    SoftwarePinTranslation(KeyVault vault) {
        this.vault = vault;
    }

    @Override
    public PinTranslationResult translate(PinTranslationRequest request) {
        if (!request.sourceFormat().mayTranslateTo(request.destinationFormat())) {
            return new PinTranslationResult.FormatChangeRefused(request.sourceFormat(), request.destinationFormat());
        }
        OpenedKey source = vault.open(request.sourceKey());
        OpenedKey destination = vault.open(request.destinationKey());
        String refusal = refusal(source, request.sourceFormat(), true);
        if (refusal == null) {
            refusal = refusal(destination, request.destinationFormat(), false);
        }
        if (refusal != null) {
            return new PinTranslationResult.KeyUsageRefused(refusal);
        }
        PinTranslationOutcome outcome = PinTranslator.translate(source.cipher(), request.sourceFormat(),
                request.pinBlock().bytes(), destination.cipher(), request.destinationFormat(),
                request.pan() == null ? null : request.pan().digits(), null);
        return switch (outcome) {
            case PinTranslationOutcome.Translated t -> new PinTranslationResult.Translated(EncryptedPinBlock.of(t.block()));
            case PinTranslationOutcome.FormatChangeRefused r -> new PinTranslationResult.FormatChangeRefused(r.from(), r.to());
            case PinTranslationOutcome.Malformed m -> new PinTranslationResult.MalformedPinBlock();
        };
    }

    private static String refusal(OpenedKey key, PinBlockFormat format, boolean source) {
        String role = source ? "source" : "destination";
        if (key.usage() != KeyUsage.P0) {
            return "the " + role + " key is not a PIN key (usage " + key.usage() + ")";
        }
        if (source ? !key.mode().mayDecrypt() : !key.mode().mayEncrypt()) {
            return "the " + role + " key's mode of use " + key.mode() + " forbids " + (source ? "decryption" : "encryption");
        }
        KeyAlgorithm needed = format == PinBlockFormat.ISO_4 ? KeyAlgorithm.AES : KeyAlgorithm.TDES;
        if (key.algorithm() != needed) {
            return "format " + format.number() + " needs " + (format == PinBlockFormat.ISO_4 ? "an AES" : "a TDES")
                    + " " + role + " key";
        }
        return null;
    }
}
