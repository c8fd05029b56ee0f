package io.keyrail.events.key;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A key version was destroyed. Public. */
public record KeyDestroyed(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                           WorkingKeyType keyType, int version, String reason) implements TerminalScopedEvent {

    public KeyDestroyed {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.required(keyType, "keyType");
        EventFields.version(version);
        EventFields.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.KEY_DESTROYED;
    }
}
