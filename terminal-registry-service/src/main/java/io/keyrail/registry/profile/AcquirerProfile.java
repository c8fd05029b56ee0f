package io.keyrail.registry.profile;

import io.keyrail.hsm.api.key.KeyScheme;
import java.util.Objects;
import java.util.Set;

/**
 * An acquirer profile: the key schemes its terminals may use and the one they get when a
 * registration names none (double-length TDES in the seeded profiles).
 */
public record AcquirerProfile(String id, String description, Set<KeyScheme> allowedSchemes, KeyScheme defaultScheme) {

    public AcquirerProfile {
        Objects.requireNonNull(id, "id");
        allowedSchemes = Set.copyOf(allowedSchemes);
        if (!allowedSchemes.contains(defaultScheme)) {
            throw new IllegalArgumentException("profile " + id + ": the default scheme must be an allowed scheme");
        }
    }

    public boolean allows(KeyScheme scheme) {
        return allowedSchemes.contains(scheme);
    }
}
