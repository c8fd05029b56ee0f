package io.keyrail.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Year;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The embedded run's LMK: one AES-256 key made on first run, in a PKCS#12 keystore as a secret-key
 * entry (alias {@code lmk-<year>-01}), the form the software HSM loads with
 * {@code keyrail.hsm.lmk-keystore} and {@code keyrail.hsm.lmk-password}.
 *
 * <p>A local development install: the random keystore password sits beside the keystore, both
 * readable by their owner only. A production LMK lives in an HSM, loaded under dual control.
 */
final class LocalLmk {

    private LocalLmk() {
    }

    static void createIfMissing(Path keystore, Path passwordFile) {
        if (Files.exists(keystore) && Files.exists(passwordFile)) {
            return;
        }
        if (Files.exists(keystore) || Files.exists(passwordFile)) {
            // A new LMK would orphan every key block the databases hold under the old one.
            throw new CommandFailure("found only one of " + keystore.getFileName() + " and "
                    + passwordFile.getFileName() + " in " + keystore.getParent()
                    + ": restore the other, or remove the whole state directory to start afresh");
        }
        try {
            byte[] random = new byte[24];
            SecureRandom rng = new SecureRandom();
            rng.nextBytes(random);
            char[] password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, rng);
            SecretKey lmk = generator.generateKey();

            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setEntry(alias(), new KeyStore.SecretKeyEntry(lmk), new KeyStore.PasswordProtection(password));

            Path tmpPassword = Files.createTempFile(passwordFile.getParent(), "lmk", ".tmp");
            StateDirectory.ownerOnly(tmpPassword);
            Files.writeString(tmpPassword, new String(password));
            Path tmpKeystore = Files.createTempFile(keystore.getParent(), "lmk", ".tmp");
            StateDirectory.ownerOnly(tmpKeystore);
            try (OutputStream out = Files.newOutputStream(tmpKeystore)) {
                ks.store(out, password);
            }
            Files.move(tmpPassword, passwordFile, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmpKeystore, keystore, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local LMK keystore", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the local LMK", e);
        }
    }

    static String alias() {
        return "lmk-" + Year.now() + "-01";
    }

    static String password(Path passwordFile) {
        try {
            return Files.readString(passwordFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
