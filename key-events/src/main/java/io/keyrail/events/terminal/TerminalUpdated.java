package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal's descriptive data (model, location) changed. Public. */
public record TerminalUpdated(UUID eventId, Instant occurredAt, String terminalId, String merchantId, String model,
                              String location) implements TerminalScopedEvent {

    public TerminalUpdated {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_UPDATED;
    }
}
