package io.keyrail.hsm.api.key;

import java.util.List;

/** Dual control: keys generated as, or formed from, 2 or 3 clear components (ISO 11568-2). */
public interface KeyComponents {

    /** Generates a key as {@code count} (2 or 3) random components; the key is their XOR. */
    ComponentRelease generateComponents(KeyType type, KeyScheme scheme, int count);

    /**
     * Forms a key from 2 or 3 components, each checked against its check value first; nothing is
     * formed when one does not match.
     */
    ComponentFormation formFromComponents(KeyType type, KeyScheme scheme, List<CheckedComponent> components);
}
