package io.keyrail.events.terminal;

/** How a terminal master key was installed. */
public enum MasterKeyInstallation {
    /** Generated and released as 2 or 3 clear components to named custodians. */
    COMPONENTS,
    /** Imported from a TR-31 key block under a transport key. */
    KEY_BLOCK_IMPORT,
    /** Imported from a legacy TDES cryptogram with its check value. */
    CRYPTOGRAM_IMPORT,
    /** Generated and exported under a key-loading device's KEK ("mother POS"). */
    KEY_LOADING_DEVICE
}
