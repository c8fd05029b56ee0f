package io.keyrail.events;

import io.keyrail.events.key.IssueCause;
import io.keyrail.events.key.KeyDestroyed;
import io.keyrail.events.key.KeyIssued;
import io.keyrail.events.key.KeyState;
import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.material.KeyMaterial;
import io.keyrail.events.terminal.MasterKeyInstallation;
import io.keyrail.events.terminal.TerminalMasterKeyDestroyed;
import io.keyrail.events.terminal.TerminalMasterKeyInstalled;
import io.keyrail.events.terminal.TerminalRegistered;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.events.terminal.TerminalStatusChanged;
import io.keyrail.events.terminal.TerminalUpdated;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One well-formed event of every type, as the services publish them. */
final class SampleEvents {

    static final Instant AT = Instant.parse("2026-11-25T02:00:00Z");

    private SampleEvents() {
    }

    static Map<EventType, KeyrailEvent> all() {
        return Map.of(
                EventType.TERMINAL_REGISTERED, new TerminalRegistered(UUID.randomUUID(), AT, "12345678", "123456789012345",
                        "cup-default", "TDES_2KEY", "PAX A920", "Shop 1", TerminalStatus.REGISTERED),
                EventType.TERMINAL_UPDATED, new TerminalUpdated(UUID.randomUUID(), AT, "12345678", "123456789012345",
                        "PAX A920 Pro", null),
                EventType.TERMINAL_STATUS_CHANGED, new TerminalStatusChanged(UUID.randomUUID(), AT, "12345678",
                        "123456789012345", TerminalStatus.AWAITING_SIGN_IN, TerminalStatus.ACTIVE, "SIGNED_IN"),
                EventType.TERMINAL_MASTER_KEY_INSTALLED, new TerminalMasterKeyInstalled(UUID.randomUUID(), AT, "12345678",
                        "123456789012345", 1, "TDES_2KEY", "08D7B4", MasterKeyInstallation.COMPONENTS),
                EventType.TERMINAL_MASTER_KEY_DESTROYED, new TerminalMasterKeyDestroyed(UUID.randomUUID(), AT, "12345678",
                        "123456789012345", 1, "DECOMMISSIONED"),
                EventType.KEY_ISSUED, new KeyIssued(UUID.randomUUID(), AT, "12345678", "123456789012345", WorkingKeyType.TAK,
                        42, "TDES_2KEY", "77800CBA", KeyState.ACTIVE, AT, 41, AT.plusSeconds(1800), IssueCause.SIGN_IN),
                EventType.KEY_DESTROYED, new KeyDestroyed(UUID.randomUUID(), AT, "12345678", "123456789012345",
                        WorkingKeyType.TPK, 3, "DECOMMISSIONED"),
                EventType.KEY_MATERIAL, new KeyMaterial(UUID.randomUUID(), AT, EventType.Source.KEY_ROTATION, "12345678",
                        WorkingKeyType.TAK, 42, "D0112M3TC00E0000B82679114F470F540165EDFBF7E250FCEA43F810D215F8D207E2E417",
                        "lmk-2026-01", "77800CBA", KeyState.ACTIVE, null));
    }
}
