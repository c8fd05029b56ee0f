package io.keyrail.events.key;

/** Why a key version was issued. */
public enum IssueCause {
    /** A terminal signed in (CUP 0800/0810). */
    SIGN_IN,
    /** The scheduled daily TAK rotation. */
    SCHEDULED_ROTATION,
    /** An operator-triggered rollover. */
    ROLLOVER,
    /** A zone key exchange with the scheme. */
    ZONE_EXCHANGE,
    /** A master key installation. */
    INSTALLATION
}
