package io.keyrail.events.key;

/** The keys whose lifecycle events Keyrail publishes. */
public enum WorkingKeyType {
    TMK, TPK, TAK, TDK, ZMK, ZPK, ZAK
}
