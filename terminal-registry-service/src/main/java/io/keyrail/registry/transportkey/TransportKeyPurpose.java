package io.keyrail.registry.transportkey;

/** What a transport key is for. */
public enum TransportKeyPurpose {
    /** Carries keys into the registry: TR-31 key blocks or legacy cryptograms from a key-injection facility. */
    TRANSPORT,
    /** The KEK of a key-loading device ("mother POS"): TMKs leave the registry under it. */
    KEY_LOADING_DEVICE
}
