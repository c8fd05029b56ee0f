package io.keyrail.registry.terminal;

import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyScheme;
import java.time.Instant;

/** A registered terminal as the registry holds it. Carries no key material. */
public record Terminal(String terminalId, String merchantId, String acquirerProfile, KeyScheme keyScheme, String model,
                       String location, TerminalStatus status, Instant registeredAt, Instant updatedAt) {
}
