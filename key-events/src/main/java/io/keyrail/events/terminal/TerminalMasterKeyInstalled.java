package io.keyrail.events.terminal;

import io.keyrail.events.EventFields;
import io.keyrail.events.EventType;
import io.keyrail.events.TerminalScopedEvent;
import java.time.Instant;
import java.util.UUID;

/** A terminal master key was installed: its version and check value, never the key. Public. */
public record TerminalMasterKeyInstalled(UUID eventId, Instant occurredAt, String terminalId, String merchantId,
                                         int version, String keyScheme, String checkValue,
                                         MasterKeyInstallation method) implements TerminalScopedEvent {

    public TerminalMasterKeyInstalled {
        EventFields.terminalScoped(eventId, occurredAt, terminalId, merchantId);
        EventFields.version(version);
        EventFields.required(keyScheme, "keyScheme");
        EventFields.checkValue(checkValue);
        EventFields.required(method, "method");
    }

    @Override
    public EventType type() {
        return EventType.TERMINAL_MASTER_KEY_INSTALLED;
    }
}
