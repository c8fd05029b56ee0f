package io.keyrail.support.security;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code keyrail.security.*}: in production, leave {@code local-issuer-public-key} unset and configure
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}; the embedded run and the tests point
 * {@code local-issuer-public-key} at the PEM public key of the local token issuer, so only tokens
 * that run issued are accepted.
 */
@ConfigurationProperties("keyrail.security")
public record SecurityProperties(Path localIssuerPublicKey) {
}
