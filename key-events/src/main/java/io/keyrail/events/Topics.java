package io.keyrail.events;

/**
 * Kafka topics of Keyrail. Public topics carry no key material (ids, versions, check values,
 * states, times) and other bank systems may subscribe to them; the key-material topic is internal,
 * compacted and ACL-restricted to the data-plane services.
 */
public final class Topics {

    /** Public: terminal lifecycle (registered, updated, status changed, master key installed/destroyed). */
    public static final String TERMINALS = "keyrail.terminals.v1";
    /** Public: key lifecycle (issued, destroyed, ...), no key material. */
    public static final String KEYS = "keyrail.keys.v1";
    /** Internal, compacted: key blocks under the LMK for the data-plane services; never a clear key. */
    public static final String KEY_MATERIAL = "keyrail.key-material.v1";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: records its consumers could not process. */
    public static String deadLetter(String topic) {
        return topic + ".DLT";
    }
}
