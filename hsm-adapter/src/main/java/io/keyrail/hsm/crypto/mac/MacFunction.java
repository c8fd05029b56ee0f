package io.keyrail.hsm.crypto.mac;

/**
 * One prepared MAC computation: the closed set of MAC constructions {@link MacCalculator} runs.
 *
 * <p>Every implementation is immutable and thread-safe, holds its key only as prepared block
 * cipher engines, and never exposes key bytes.
 */
sealed interface MacFunction permits Iso9797CbcMac, Iso9797RetailMac, Cmac, CupPosEcbMac {

    /** Full MAC length in bytes. */
    int length();
}
