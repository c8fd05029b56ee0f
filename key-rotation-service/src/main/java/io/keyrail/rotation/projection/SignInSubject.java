package io.keyrail.rotation.projection;

import io.keyrail.events.terminal.TerminalStatus;
import io.keyrail.hsm.api.key.KeyBlock;
import java.util.Optional;

/**
 * A terminal as sign-in sees it, read from the projection under a row lock: its merchant, status
 * and master key block (under the LMK), when the registry's events have delivered one.
 * {@link #toString()} shows the key block's header only (see {@link KeyBlock#toString()}).
 *
 * @param masterKey the TMK key block; empty when the terminal has none (never installed, or destroyed)
 */
public record SignInSubject(String terminalId, String merchantId, TerminalStatus status, Optional<KeyBlock> masterKey) {
}
