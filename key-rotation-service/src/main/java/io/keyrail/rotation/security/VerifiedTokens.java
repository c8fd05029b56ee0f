package io.keyrail.rotation.security;

import java.util.Optional;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tokens verified earlier and not yet expired, answered without verifying again and without
 * blocking: what a caller on an I/O thread may ask before it hands a token to the (possibly
 * blocking) decoder.
 */
public interface VerifiedTokens {

    /** The token's claims when it was verified before and has not expired; empty otherwise. */
    Optional<Jwt> verifiedBefore(String token);
}
