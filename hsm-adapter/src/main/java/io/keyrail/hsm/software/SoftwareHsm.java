package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.KeyCheckValues;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyExport;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyImport;
import io.keyrail.hsm.api.key.LmkRotation;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.hsm.api.mac.MacGeneration;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.pin.PinTranslation;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The software HSM: Keyrail's default backend for development, tests and the embedded run. Keys
 * outside it are TR-31 version D key blocks under an AES-256 LMK from {@link LmkRing}; every
 * operation checks the usage, mode of use and exportability its key blocks carry.
 *
 * <p>Hands out one object per capability, so a service is given only what it needs (mac-verify
 * gets {@link #macVerification()}, not key export). All of them are thread-safe.
 */
public final class SoftwareHsm {

    /** Opened key blocks kept prepared; about 1 KiB each. */
    public static final long DEFAULT_CACHE_SIZE = 100_000;

    private final SoftwareKeyGeneration generation;
    private final SoftwareKeyExchange exchange;
    private final SoftwarePinTranslation pins;
    private final SoftwareMacs macs;
    private final SoftwareComponentCustody custody;

    private SoftwareHsm(LmkRing lmks, long cacheSize, SecureRandom random) {
        KeyVault vault = new KeyVault(lmks, cacheSize);
        this.generation = new SoftwareKeyGeneration(vault, random);
        this.exchange = new SoftwareKeyExchange(vault);
        this.pins = new SoftwarePinTranslation(vault);
        this.macs = new SoftwareMacs(vault);
        this.custody = new SoftwareComponentCustody(vault);
    }

    /** A software HSM over {@code lmks}, with the default cache and a DRBG seeded by the platform. */
    public static SoftwareHsm create(LmkRing lmks) {
        return create(lmks, DEFAULT_CACHE_SIZE);
    }

    public static SoftwareHsm create(LmkRing lmks, long cacheSize) {
        try {
            return new SoftwareHsm(lmks, cacheSize, SecureRandom.getInstance("DRBG"));
        } catch (NoSuchAlgorithmException e) {
            return new SoftwareHsm(lmks, cacheSize, new SecureRandom());
        }
    }

    public KeyGeneration keyGeneration() {
        return generation;
    }

    public WorkingKeyIssuance workingKeyIssuance() {
        return generation;
    }

    public KeyComponents keyComponents() {
        return generation;
    }

    public ComponentCustody componentCustody() {
        return custody;
    }

    public KeyCheckValues keyCheckValues() {
        return generation;
    }

    public KeyImport keyImport() {
        return exchange;
    }

    public KeyExport keyExport() {
        return exchange;
    }

    public LmkRotation lmkRotation() {
        return exchange;
    }

    public PinTranslation pinTranslation() {
        return pins;
    }

    public MacGeneration macGeneration() {
        return macs;
    }

    public MacVerification macVerification() {
        return macs;
    }
}
