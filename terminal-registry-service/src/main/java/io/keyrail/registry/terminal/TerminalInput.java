package io.keyrail.registry.terminal;

/**
 * A terminal as a caller submits it, field by field and unchecked: one JSON object or one CSV row.
 * {@link TerminalRules} turns it into a {@link NewTerminal} or names what is wrong.
 */
public record TerminalInput(String terminalId, String merchantId, String acquirerProfile, String keyScheme,
                            String model, String location) {
}
