package io.keyrail.support.events;

/**
 * A consumed record that can never be processed: unparseable, of an unknown type, or failing its
 * schema. Permanent: the record goes to the dead-letter topic without retries. The message names
 * the record's position and what is wrong, never its content.
 */
public class RejectedEventException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RejectedEventException(String message) {
        super(message);
    }

    public RejectedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
