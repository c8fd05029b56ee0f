package io.keyrail.hsm.api.key;

/**
 * Custody of clear key components between their generation and their release to custodians
 * (ISO 11568-2 dual control): a service keeps each component of {@link KeyComponents#generateComponents}
 * sealed under the LMK ({@link SealedComponent}) instead of in the clear, and opens it once, for
 * the one custodian it belongs to.
 *
 * <p>Never exposes a component except through {@link #release}, which takes the
 * {@link ClearKeyAccess} token; a sealed component is never usable as a key.
 */
public interface ComponentCustody {

    /**
     * Seals component {@code number} (1 to 3) of a key of {@code type} and {@code scheme} under the
     * current LMK, after checking it against its check value.
     *
     * @throws IllegalArgumentException when the component's length does not suit {@code scheme} or
     *     it does not match its check value
     */
    SealedComponent seal(KeyType type, KeyScheme scheme, int number, CheckedComponent component);

    /**
     * Opens a sealed component for its custodian, with its check value computed anew.
     *
     * @throws io.keyrail.hsm.api.KeyBlockRejectedException when the block fails its integrity check
     *     or is under an LMK the HSM does not hold
     */
    CheckedComponent release(SealedComponent sealed, ClearKeyAccess access);
}
