package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal was registered. Public; carries no key material. */
public record TerminalRegistered(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                 String acquirerProfile, String keyScheme, String model, String location,
                                 TerminalStatus status) implements KeyrailEvent {

    public TerminalRegistered {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.terminalId(terminalId);
        EventFields.merchantId(merchantId);
        EventFields.required(acquirerProfile, "acquirerProfile");
        EventFields.required(keyScheme, "keyScheme");
        EventFields.required(status, "status");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_REGISTERED;
    }

    @Override
    public String recordKey() {
        return terminalId;
    }

    @Override
    public String subject() {
        return "terminal/" + terminalId;
    }
}
