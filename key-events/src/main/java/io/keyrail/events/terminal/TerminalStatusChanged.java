package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal moved from one status to another, and why. Public. */
public record TerminalStatusChanged(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                    TerminalStatus previousStatus, TerminalStatus status, String reason)
        implements KeyrailEvent {

    public TerminalStatusChanged {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.terminalId(terminalId);
        EventFields.merchantId(merchantId);
        EventFields.required(previousStatus, "previousStatus");
        EventFields.required(status, "status");
        EventFields.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_STATUS_CHANGED;
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
