package io.keyrail.rotation.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Verified bearer tokens are remembered until they expire ({@link VerifiedTokenCache}). */
@Configuration(proxyBeanMethods = false)
class TokenCacheConfiguration {

    @Bean
    static VerifiedTokenCache.Installer verifiedTokenCacheInstaller() {
        return new VerifiedTokenCache.Installer();
    }
}
