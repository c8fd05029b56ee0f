package io.keyrail.hsm.software;

import io.keyrail.hsm.api.KeyBlockRejectedException;
import io.keyrail.hsm.api.key.KeyBlockVersion;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlockProtectionKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The software HSM's local master keys: AES-256 key block protection keys (TR-31 version D), one
 * of them current for wrapping, the others kept for opening and re-wrapping older key blocks.
 *
 * <p>Loaded from a PKCS#12 keystore or an environment secret, never from the repository.
 * {@link #toString()} names the LMK ids only.
 */
public final class LmkRing {

    /** Environment variable: comma-separated {@code id=hex} pairs of AES-256 LMKs. */
    public static final String LMKS_VARIABLE = "KEYRAIL_HSM_LMKS";
    /** Environment variable: the id of the current LMK (default: the first listed). */
    public static final String CURRENT_VARIABLE = "KEYRAIL_HSM_CURRENT_LMK";

    private final Map<String, Tr31KeyBlockProtectionKey> lmks;
    private final String currentId;

    private LmkRing(Map<String, byte[]> keys, String currentId) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one LMK is needed");
        }
        Map<String, Tr31KeyBlockProtectionKey> prepared = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("LMK " + id + " must be an AES-256 key (32 bytes), not " + key.length);
            }
            prepared.put(id, Tr31KeyBlockProtectionKey.of(KeyBlockVersion.D, key));
        });
        String current = currentId == null ? prepared.keySet().iterator().next() : currentId;
        if (!prepared.containsKey(current)) {
            throw new IllegalArgumentException("current LMK " + current + " is not among the loaded LMKs " + prepared.keySet());
        }
        this.lmks = Collections.unmodifiableMap(prepared);
        this.currentId = current;
    }

    /** A ring of the given LMKs ({@code id -> 32-byte key}); {@code currentId} null means the first. */
    public static LmkRing of(Map<String, byte[]> keys, String currentId) {
        return new LmkRing(new LinkedHashMap<>(keys), currentId);
    }

    /** One fresh random LMK that lives only as long as this process: for tests and benchmarks. */
    public static LmkRing ephemeral(String id) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new LmkRing(Map.of(id, key), id);
    }

    /** From {@value #LMKS_VARIABLE} and {@value #CURRENT_VARIABLE} in {@code environment}. */
    public static LmkRing fromEnvironment(Map<String, String> environment) {
        String spec = environment.get(LMKS_VARIABLE);
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException(LMKS_VARIABLE + " is not set: expected id=hex pairs of AES-256 LMKs");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(LMKS_VARIABLE + " entries must be id=hex");
            }
            String id = pair.substring(0, eq).trim();
            if (keys.containsKey(id)) {
                throw new IllegalArgumentException(LMKS_VARIABLE + " names LMK " + id + " twice");
            }
            keys.put(id, Hex.decode(pair.substring(eq + 1).trim(), "LMK " + id));
        }
        return new LmkRing(keys, environment.get(CURRENT_VARIABLE));
    }

    /**
     * From a PKCS#12 keystore: every AES secret-key entry is an LMK named by its alias.
     * {@code currentId} null means the first alias in the keystore's order.
     */
    public static LmkRing fromPkcs12(Path keystore, char[] password, String currentId) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            Map<String, byte[]> keys = new LinkedHashMap<>();
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key key = ks.getKey(alias, password);
                    if ("AES".equalsIgnoreCase(key.getAlgorithm())) {
                        keys.put(alias, key.getEncoded());
                    }
                }
            }
            return new LmkRing(keys, currentId);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the LMK keystore " + keystore.getFileName() + ": "
                    + e.getClass().getSimpleName(), e);
        }
    }

    public String currentId() {
        return currentId;
    }

    public Set<String> ids() {
        return lmks.keySet();
    }

    /** The LMK named {@code id}; a key block under an LMK this HSM does not hold is rejected. */
    Tr31KeyBlockProtectionKey lmk(String id) {
        Tr31KeyBlockProtectionKey lmk = lmks.get(id);
        if (lmk == null) {
            throw new KeyBlockRejectedException("key block is under LMK " + id + ", which this HSM does not hold");
        }
        return lmk;
    }

    Tr31KeyBlockProtectionKey current() {
        return lmks.get(currentId);
    }

    @Override
    public String toString() {
        return "LmkRing[current=" + currentId + ", ids=" + lmks.keySet() + "]";
    }
}
