package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal's master key was destroyed (on decommissioning). Public. */
public record TerminalMasterKeyDestroyed(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                         int version, String reason) implements TerminalScopedEvent {

    public TerminalMasterKeyDestroyed {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.version(version);
        EventFields.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_MASTER_KEY_DESTROYED;
    }
}
