package io.keyrail.local;

/**
 * A command that cannot do what was asked for a reason the user can fix (no local run yet, a port in
 * use, a service jar missing): the message is the one line printed on stderr.
 */
final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message, null, false, false);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
