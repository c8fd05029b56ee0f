package io.keyrail.registry.terminal;

import io.keyrail.hsm.api.key.KeyScheme;

/** A terminal registration that passed {@link TerminalRules}: ready to insert. */
public record NewTerminal(String terminalId, String merchantId, String acquirerProfile, KeyScheme keyScheme,
                          String model, String location) {
}
