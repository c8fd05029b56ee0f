package io.keyrail.rotation.projection;

import io.keyrail.events.key.WorkingKeyType;
import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyBlock;
import java.util.Map;
import java.util.Optional;

/**
 * A terminal as sign-in sees it, read from the projection under a row lock: its merchant, status,
 * master key block (under the LMK), when the registry's events have delivered one, and the latest
 * version issued of each working key type.
 * {@link #toString()} shows the key block's header only (see {@link KeyBlock#toString()}).
 *
 * @param masterKey      the TMK key block; empty when the terminal has none (never installed, or destroyed)
 * @param latestVersions the highest version issued per working key type; a type never issued is absent
 */
public record SignInSubject(String terminalId, String merchantId, TerminalStatus status, Optional<KeyBlock> masterKey,
                            Map<WorkingKeyType, Integer> latestVersions) {

    public SignInSubject {
        latestVersions = Map.copyOf(latestVersions);
    }

    /** The version the next issue of {@code type} gets: one above the latest, or 1. */
    public int nextVersion(WorkingKeyType type) {
        return latestVersions.getOrDefault(type, 0) + 1;
    }
}
