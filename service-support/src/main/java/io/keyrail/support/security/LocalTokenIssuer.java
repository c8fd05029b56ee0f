package io.keyrail.support.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The embedded run's token issuer: an RSA key pair made for one installation (never in the
 * repository), whose private half signs tokens ({@code ./keyrail token}) and whose public half the
 * services trust. Tokens carry {@code sub}, {@code roles} and a short expiry.
 */
public final class LocalTokenIssuer {

    public static final String ISSUER = "keyrail-local";
    public static final String PRIVATE_KEY_FILE = "issuer-private.pem";
    public static final String PUBLIC_KEY_FILE = "issuer-public.pem";

    private final PrivateKey privateKey;

    private LocalTokenIssuer(PrivateKey privateKey) {
        this.privateKey = privateKey;
    }

    /** The issuer whose keys are in {@code directory}, creating a new key pair there on first use. */
    public static LocalTokenIssuer inDirectory(Path directory) {
        try {
            Path priv = directory.resolve(PRIVATE_KEY_FILE);
            if (!Files.exists(priv)) {
                Files.createDirectories(directory);
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair pair = g.generateKeyPair();
                Path tmp = Files.createTempFile(directory, "issuer", ".tmp");
                trySetOwnerOnly(tmp);
                Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(directory.resolve(PUBLIC_KEY_FILE), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                Files.move(tmp, priv);
            }
            byte[] der = der(Files.readString(priv));
            return new LocalTokenIssuer(KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the local token issuer key", e);
        }
    }

    /** The issuer's public key from its PEM file. */
    public static RSAPublicKey publicKey(Path pemFile) {
        try {
            byte[] der = der(Files.readString(pemFile));
            return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the local token issuer's public key " + pemFile.getFileName(), e);
        }
    }

    /** A signed token for {@code user} with {@code roles}, valid for {@code lifetime}. */
    public String issue(String user, Collection<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user)
                .claim(KeyrailRole.CLAIM, List.copyOf(roles))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        try {
            jwt.sign(new RSASSASigner(privateKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the token", e);
        }
        return jwt.serialize();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }

    private static void trySetOwnerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException ignored) {
            // not a POSIX file system: the directory's own permissions apply
        }
    }
}
