package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ClearKeyAccess;
import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyComponent;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.SealedComponent;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Component custody in the software HSM: components are sealed as TR-31 version D key blocks under
 * the current LMK with key version {@code c<n>} and exportability {@code N}, and opened outside the
 * key cache, so a released component leaves no prepared copy behind.
 */
final class SoftwareComponentCustody implements ComponentCustody {

    private final KeyVault vault;

    SoftwareComponentCustody(KeyVault vault) {
        this.vault = vault;
    }

    @Override
    public SealedComponent seal(KeyType type, KeyScheme scheme, int number, CheckedComponent component) {
        byte[] clear = component.component().bytes(ClearKeyAccess.custodianCeremony());
        try {
            if (clear.length != scheme.length()) {
                throw new IllegalArgumentException("component " + number + " must be " + scheme.length() + " bytes for "
                        + scheme + ", not " + clear.length);
            }
            KeyCheckValue expected = component.checkValue();
            byte[] actual = CheckValues.compute(scheme.algorithm(), clear, CheckValues.defaultMethod(scheme.algorithm()),
                    Math.min(expected.length(), scheme.algorithm().blockSize()));
            if (!MessageDigest.isEqual(Hex.encode(actual).getBytes(StandardCharsets.US_ASCII),
                    expected.hex().getBytes(StandardCharsets.US_ASCII))) {
                throw new IllegalArgumentException("component " + number + " does not match its check value");
            }
            return new SealedComponent(number, vault.sealComponent(clear, number, type.usage(), scheme.algorithm(),
                    type.modeOfUse()));
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }

    @Override
    public CheckedComponent release(SealedComponent sealed, ClearKeyAccess access) {
        if (access == null) {
            throw new IllegalArgumentException("clear key access is required");
        }
        KeyVault.Component opened = vault.openComponent(sealed.keyBlock());
        byte[] clear = opened.clear();
        try {
            KeyAlgorithm a = opened.algorithm();
            KeyCheckValue kcv = new KeyCheckValue(Hex.encode(CheckValues.compute(a, clear, CheckValues.defaultMethod(a),
                    CheckValues.defaultLength(a))));
            return new CheckedComponent(KeyComponent.ofBytes(clear, access), kcv);
        } finally {
            BlockCipherKey.wipe(clear);
        }
    }
}
