package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal was registered. Public; carries no key material. */
public record TerminalRegistered(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                 String acquirerProfile, String keyScheme, String model, String location,
                                 TerminalStatus status) implements TerminalScopedEvent {

    public TerminalRegistered {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.required(acquirerProfile, "acquirerProfile");
        EventFields.required(keyScheme, "keyScheme");
        EventFields.required(status, "status");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_REGISTERED;
    }
}
