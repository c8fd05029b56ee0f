package io.keyrail.hsm.api.key;

/** The outcome of forming a key from clear components. */
public sealed interface ComponentFormation {

    /** The components' check values matched; the key is formed and held under the LMK. */
    record Formed(GeneratedKey key) implements ComponentFormation {
    }

    /** Component number {@code componentNumber} (1-based) does not match its check value; nothing was formed. */
    record ComponentCheckValueMismatch(int componentNumber) implements ComponentFormation {
    }
}
