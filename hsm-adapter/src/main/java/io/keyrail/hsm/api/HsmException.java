package io.keyrail.hsm.api;

/**
 * An infrastructure failure of the HSM, as opposed to an expected outcome (those are sealed
 * results). {@link #retriable()} says whether the same call may succeed later. Messages never
 * contain key material, PIN blocks or PANs.
 */
public abstract class HsmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected HsmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later (a network HSM that is down, a timeout). */
    public abstract boolean retriable();
}
