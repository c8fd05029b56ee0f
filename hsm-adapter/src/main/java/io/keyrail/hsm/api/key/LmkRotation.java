package io.keyrail.hsm.api.key;

/** Moves key blocks from one LMK to another when the LMK is rotated. */
public interface LmkRotation {

    /** The LMK new key blocks are wrapped under. */
    String currentLmkId();

    /** {@code keyBlock} re-wrapped under {@code targetLmkId}, with the same key, usage and exportability. */
    KeyBlock rewrap(KeyBlock keyBlock, String targetLmkId);
}
