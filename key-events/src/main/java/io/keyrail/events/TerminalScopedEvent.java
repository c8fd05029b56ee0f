package io.keyrail.events;

/**
 * An event about one terminal. Its Kafka record key is the terminal id, so all of one terminal's
 * events land on one partition and stay in order; its CloudEvents {@code subject} is
 * {@code terminal/<id>}. Key material is keyed per terminal and key type instead and is not one of these.
 */
public interface TerminalScopedEvent extends KeyrailEvent {

    /** The terminal the event is about: 8 letters or digits. */
    String terminalId();

    /** The terminal id. */
    @Override
    default String recordKey() {
        return terminalId();
    }

    /** {@code terminal/<terminal id>}. */
    @Override
    default String subject() {
        return "terminal/" + terminalId();
    }
}
