package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal's descriptive data (model, location) changed. Public. */
public record TerminalUpdated(UUID eventId, Instant occurredAt, String terminalId, String merchantId, String model,
                              String location) implements KeyrailEvent {

    public TerminalUpdated {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.terminalId(terminalId);
        EventFields.merchantId(merchantId);
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_UPDATED;
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
