package io.keyrail.hsm.api;

/**
 * A key block held by a service cannot be opened: it is under an LMK the HSM does not hold, it
 * fails its integrity check, or its header is not one Keyrail issues. Permanent: retrying the same
 * block gives the same answer.
 */
public final class KeyBlockRejectedException extends HsmException {

    private static final long serialVersionUID = 1L;

    public KeyBlockRejectedException(String message) {
        super(message, null);
    }

    @Override
    public boolean retriable() {
        return false;
    }
}
