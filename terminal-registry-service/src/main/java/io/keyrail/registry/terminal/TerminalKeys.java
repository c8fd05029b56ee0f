package io.keyrail.registry.terminal;

import java.time.Instant;

/**
 * What the terminal lifecycle needs from master-key custody (implemented by the master-key
 * feature): whether a terminal holds a TMK, and destroying its keys when it is decommissioned.
 */
public interface TerminalKeys {

    /** True when the terminal holds a master key. */
    boolean installed(String terminalId);

    /**
     * Destroys the terminal's master key and any component not yet released, publishing what that
     * means for subscribers; runs inside the decommissioning transaction.
     */
    void destroy(Terminal terminal, Instant at);
}
