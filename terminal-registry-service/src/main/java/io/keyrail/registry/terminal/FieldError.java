package io.keyrail.registry.terminal;

/** One invalid field of a terminal registration, and why; never echoes the value. */
public record FieldError(String field, String message) {
}
