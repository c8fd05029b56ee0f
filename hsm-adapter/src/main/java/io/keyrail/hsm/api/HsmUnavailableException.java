package io.keyrail.hsm.api;

/** The HSM cannot be reached or did not answer in time; the call may be retried. HTTP edges map it to 503. */
public final class HsmUnavailableException extends HsmException {

    private static final long serialVersionUID = 1L;

    public HsmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean retriable() {
        return true;
    }
}
