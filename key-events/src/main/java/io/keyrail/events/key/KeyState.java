package io.keyrail.events.key;

/** A key version's state (versioned as in Vault transit and Tink). */
public enum KeyState {
    /** Current: used for issuing and accepted for verification. */
    ACTIVE,
    /** Superseded but still accepted until its overlap window ends. */
    ACCEPTED,
    /** No longer accepted. */
    RETIRED,
    /** Compromised: refused at once. */
    REVOKED,
    /** Destroyed. */
    DESTROYED
}
