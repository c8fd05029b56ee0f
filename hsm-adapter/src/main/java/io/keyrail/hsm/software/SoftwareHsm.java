package io.keyrail.hsm.software;

import io.keyrail.hsm.api.key.CheckedComponent;
import io.keyrail.hsm.api.key.ComponentCustody;
import io.keyrail.hsm.api.key.ComponentFormation;
import io.keyrail.hsm.api.key.ComponentRelease;
import io.keyrail.hsm.api.key.KeyBlock;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.api.key.KeyCheckValue;
import io.keyrail.hsm.api.key.KeyCheckValues;
import io.keyrail.hsm.api.key.KeyComponents;
import io.keyrail.hsm.api.key.KeyExport;
import io.keyrail.hsm.api.key.KeyExportResult;
import io.keyrail.hsm.api.key.KeyGeneration;
import io.keyrail.hsm.api.key.KeyImport;
import io.keyrail.hsm.api.key.KeyImportResult;
import io.keyrail.hsm.api.key.KeyScheme;
import io.keyrail.hsm.api.key.KeyType;
import io.keyrail.hsm.api.key.LmkRotation;
import io.keyrail.hsm.api.key.WorkingKeyIssuance;
import io.keyrail.hsm.api.mac.MacGeneration;
import io.keyrail.hsm.api.mac.MacVerification;
import io.keyrail.hsm.api.pin.PinTranslation;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;

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

    private final KeyGeneration keyGeneration;
    private final WorkingKeyIssuance workingKeyIssuance;
    private final KeyComponents keyComponents;
    private final KeyCheckValues keyCheckValues;
    private final ComponentCustody componentCustody;
    private final KeyImport keyImport;
    private final KeyExport keyExport;
    private final LmkRotation lmkRotation;
    private final PinTranslation pinTranslation;
    private final MacGeneration macGeneration;
    private final MacVerification macVerification;

    /**
     * Each capability is a distinct object, so that one capability never doubles as another: a
     * service given {@link MacVerification} cannot cast it to {@link KeyExport}, and a dependency
     * injector looking for one capability finds exactly one candidate.
     */
    private SoftwareHsm(LmkRing lmks, long cacheSize, SecureRandom random) {
        KeyVault vault = new KeyVault(lmks, cacheSize);
        SoftwareKeyGeneration generation = new SoftwareKeyGeneration(vault, random);
        SoftwareKeyExchange exchange = new SoftwareKeyExchange(vault);
        SoftwareMacs macs = new SoftwareMacs(vault);
        this.keyGeneration = generation::generate;
        this.workingKeyIssuance = generation::issue;
        this.keyCheckValues = generation::checkValue;
        this.keyComponents = new KeyComponents() {
            @Override
            public ComponentRelease generateComponents(KeyType type, KeyScheme scheme, int count) {
                return generation.generateComponents(type, scheme, count);
            }

            @Override
            public ComponentFormation formFromComponents(KeyType type, KeyScheme scheme, List<CheckedComponent> components) {
                return generation.formFromComponents(type, scheme, components);
            }
        };
        this.componentCustody = new SoftwareComponentCustody(vault);
        this.keyImport = new KeyImport() {
            @Override
            public KeyImportResult importKeyBlock(KeyType type, KeyBlock kek, String keyBlock) {
                return exchange.importKeyBlock(type, kek, keyBlock);
            }

            @Override
            public KeyImportResult importCryptogram(KeyType type, KeyScheme scheme, KeyBlock kek, String cryptogramHex,
                                                    KeyCheckValue checkValue) {
                return exchange.importCryptogram(type, scheme, kek, cryptogramHex, checkValue);
            }
        };
        this.keyExport = new KeyExport() {
            @Override
            public KeyExportResult exportKeyBlock(KeyBlock key, KeyBlock kek, KeyBlockVersion version) {
                return exchange.exportKeyBlock(key, kek, version);
            }

            @Override
            public KeyExportResult exportCryptogram(KeyBlock key, KeyBlock kek) {
                return exchange.exportCryptogram(key, kek);
            }
        };
        this.lmkRotation = new LmkRotation() {
            @Override
            public String currentLmkId() {
                return exchange.currentLmkId();
            }

            @Override
            public KeyBlock rewrap(KeyBlock keyBlock, String targetLmkId) {
                return exchange.rewrap(keyBlock, targetLmkId);
            }
        };
        this.pinTranslation = new SoftwarePinTranslation(vault)::translate;
        this.macGeneration = macs::generate;
        this.macVerification = macs::verify;
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
        return keyGeneration;
    }

    public WorkingKeyIssuance workingKeyIssuance() {
        return workingKeyIssuance;
    }

    public KeyComponents keyComponents() {
        return keyComponents;
    }

    public ComponentCustody componentCustody() {
        return componentCustody;
    }

    public KeyCheckValues keyCheckValues() {
        return keyCheckValues;
    }

    public KeyImport keyImport() {
        return keyImport;
    }

    public KeyExport keyExport() {
        return keyExport;
    }

    public LmkRotation lmkRotation() {
        return lmkRotation;
    }

    public PinTranslation pinTranslation() {
        return pinTranslation;
    }

    public MacGeneration macGeneration() {
        return macGeneration;
    }

    public MacVerification macVerification() {
        return macVerification;
    }
}
