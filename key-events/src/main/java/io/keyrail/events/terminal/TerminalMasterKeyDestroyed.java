package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.KeyrailEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal's master key was destroyed (on decommissioning). Public. */
public record TerminalMasterKeyDestroyed(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                         int version, String reason) implements KeyrailEvent {

    public TerminalMasterKeyDestroyed {
        EventFields.required(eventId, "eventId");
        EventFields.required(occurredAt, "occurredAt");
        EventFields.terminalId(terminalId);
        EventFields.merchantId(merchantId);
        EventFields.version(version);
        EventFields.required(reason, "reason");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_MASTER_KEY_DESTROYED;
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
