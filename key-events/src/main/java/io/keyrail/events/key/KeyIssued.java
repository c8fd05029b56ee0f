package io.keyrail.events.key;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A new key version was issued. Public: ids, version, check value, state and times; never key
 * material. {@code previousVersion} and {@code previousAcceptedUntil} are null for a first version.
 */
public record KeyIssued(UUID eventId, Instant occurredAt, String terminalId, String merchantId, WorkingKeyType keyType,
                        int version, String algorithm, String checkValue, KeyState state, Instant issuedAt,
                        Integer previousVersion, Instant previousAcceptedUntil, IssueCause cause)
        implements TerminalScopedEvent {

    public KeyIssued {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.required(keyType, "keyType");
        EventFields.version(version);
        EventFields.required(algorithm, "algorithm");
        EventFields.checkValue(checkValue);
        EventFields.required(state, "state");
        EventFields.required(issuedAt, "issuedAt");
        EventFields.required(cause, "cause");
    }

    @Override
    public EventType type() {
        return EventType.KEY_ISSUED;
    }
}
