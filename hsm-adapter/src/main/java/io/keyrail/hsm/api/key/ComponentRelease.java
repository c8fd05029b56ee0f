package io.keyrail.hsm.api.key;

import java.util.List;
import java.util.Objects;

/**
 * A key generated as 2 or 3 clear components (dual control): the key block under the LMK with the
 * combined check value, and each component with its own check value, to be released to one
 * custodian each.
 */
public record ComponentRelease(GeneratedKey key, List<CheckedComponent> components) {

    public ComponentRelease {
        Objects.requireNonNull(key, "key");
        components = List.copyOf(components);
        if (components.size() < 2 || components.size() > 3) {
            throw new IllegalArgumentException("a key is released as 2 or 3 components, not " + components.size());
        }
    }
}
