package io.keyrail.rotation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokenCacheTest {

    private static final Instant NOW = Instant.parse("2026-11-25T02:00:00Z");

    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature does not verify");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("posp-1")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(NOW.plusSeconds(600)).build();
    };

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgainUntilItExpires() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        Jwt first = cache.decode("token-1");
        Jwt second = cache.decode("token-1");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void anExpiredTokenGoesBackToTheVerifier() {
        VerifiedTokenCache early = new VerifiedTokenCache(verifier, Clock.fixed(NOW, ZoneOffset.UTC));
        early.decode("token-1");
        VerifiedTokenCache late = new VerifiedTokenCache(token -> {
            verifications.incrementAndGet();
            throw new BadJwtException("expired");
        }, Clock.fixed(NOW.plusSeconds(600), ZoneOffset.UTC));

        assertThatThrownBy(() -> late.decode("token-1")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenThatFailsVerificationIsNeverCached() {
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> cache.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aCachedTokenIsNotUsedAtOrAfterItsExpiry() {
        Instant[] now = {NOW};
        VerifiedTokenCache cache = new VerifiedTokenCache(verifier, new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        });
        cache.decode("token-1");
        now[0] = NOW.plusSeconds(600);

        cache.decode("token-1");

        assertThat(verifications).as("verified again at expiry").hasValue(2);
    }
}
