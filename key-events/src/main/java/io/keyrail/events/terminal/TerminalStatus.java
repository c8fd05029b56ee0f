package io.keyrail.events.terminal;

/** A terminal's lifecycle status. */
public enum TerminalStatus {
    /** Registered; no master key yet. */
    REGISTERED,
    /** Has a master key but no working keys ("keys not loaded"): must sign in. */
    AWAITING_SIGN_IN,
    /** Signed in: holds current PIN and MAC keys. */
    ACTIVE,
    /** Temporarily barred by an operator or by a MAC-failure streak. */
    SUSPENDED,
    /** Retired for good; its keys are destroyed. */
    DECOMMISSIONED
}
