package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal moved from one status to another, and why. Public. */
public record TerminalStatusChanged(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                    TerminalStatus previousStatus, TerminalStatus status, String reason)
        implements TerminalScopedEvent {

    public TerminalStatusChanged {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.required(previousStatus, "previousStatus");
        EventFields.required(status, "status");
        EventFields.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_STATUS_CHANGED;
    }
}
