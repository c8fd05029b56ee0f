package io.keyrail.cli;

/**
 * A command that ran on valid input but must answer with a non-zero exit: a MAC that does not
 * verify, a key block whose MAC fails, a refused PIN format change. The message is the one line
 * printed on stderr and never carries key material or PIN data.
 */
public final class CommandFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public CommandFailure(String message) {
        this(message, Keyrail.EXIT_REFUSED);
    }

    public CommandFailure(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
