package io.keyrail.registry.bulk;

import io.keyrail.registry.terminal.FieldError;
import io.keyrail.registry.terminal.TerminalInput;
import java.util.List;

/**
 * A request body read row by row, never whole: the next row, or null after the last.
 * {@link UnreadableBody} means the body cannot be read past this point.
 */
interface TerminalRows extends AutoCloseable {

    /** One row: a terminal to check, or a row that is not a terminal at all. */
    sealed interface Row {
        int number();

        /** A terminal's fields; {@code shapeErrors} names fields that are not text (a JSON object or array). */
        record Parsed(int number, TerminalInput input, List<FieldError> shapeErrors) implements Row {
        }

        record Unreadable(int number, String message) implements Row {
        }
    }

    Row next();

    @Override
    void close();

    /** The body is malformed from row {@code row} on; nothing after it can be read. */
    final class UnreadableBody extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final int row;

        UnreadableBody(int row, String message) {
            super(message);
            this.row = row;
        }

        int row() {
            return row;
        }
    }
}
