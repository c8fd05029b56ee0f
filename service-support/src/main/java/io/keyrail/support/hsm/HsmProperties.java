package io.keyrail.support.hsm;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the software HSM's LMKs come from ({@code keyrail.hsm.*}): a PKCS#12 keystore
 * ({@code lmk-keystore} + {@code lmk-password}), or {@code lmks} as {@code id=hex} pairs (an
 * environment secret, e.g. {@code KEYRAIL_HSM_LMKS}). Never from the repository.
 */
@ConfigurationProperties("keyrail.hsm")
public record HsmProperties(Path lmkKeystore, String lmkPassword, String lmks, String currentLmk, Long cacheSize) {

    public long cacheSizeOrDefault() {
        return cacheSize == null ? io.keyrail.hsm.software.SoftwareHsm.DEFAULT_CACHE_SIZE : cacheSize;
    }
}
