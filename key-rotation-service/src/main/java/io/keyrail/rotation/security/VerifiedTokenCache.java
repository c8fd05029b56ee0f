package io.keyrail.rotation.security;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers tokens already verified, so that a POSP signing terminals in with the same bearer
 * token all day does not pay a signature verification per request. A token is taken from the
 * cache only until its own expiry ({@code exp}, no clock skew allowance); a token seen for the
 * first time, or expired, goes to the configured decoder, which verifies signature, issuer and
 * times as before. The cache key is the whole token, signature included, so a token differing in
 * any byte is verified afresh. Bounded: cleared when full.
 */
final class VerifiedTokenCache implements JwtDecoder, VerifiedTokens {

    static final int MAX_TOKENS = 10_000;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokenCache(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Optional<Jwt> verifiedBefore(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            return Optional.empty();
        }
        if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
            return Optional.of(jwt);
        }
        verified.remove(token);
        return Optional.empty();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Optional<Jwt> known = verifiedBefore(token);
        if (known.isPresent()) {
            return known.get();
        }
        Jwt fresh = decoder.decode(token);
        if (fresh.getExpiresAt() != null) {
            if (verified.size() >= MAX_TOKENS) {
                verified.clear();
            }
            verified.put(token, fresh);
        }
        return fresh;
    }

    /** Puts the cache in front of every {@link JwtDecoder} bean. */
    static final class Installer implements BeanPostProcessor {

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
            return bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                    ? new VerifiedTokenCache(decoder, Clock.systemUTC()) : bean;
        }
    }
}
