package io.keyrail.support.security;


/** The roles a Keyrail token can carry in its {@code roles} claim; Spring Security sees them as {@code ROLE_<name>}. */
public enum KeyrailRole {
    /** Registers terminals, installs master keys, triggers rollovers. */
    OPERATOR,
    /** Receives or enters one key component under dual control. */
    CUSTODIAN,
    /** Approves dual-control operations. */
    APPROVER,
    /** Reads, never changes. */
    AUDITOR,
    /** The POS front end: signs terminals in. */
    POSP;

    /** The JWT claim that lists the caller's roles (this enum stays free of JWT classes: the CLI loads it). */
    public static final String CLAIM = "roles";
}
