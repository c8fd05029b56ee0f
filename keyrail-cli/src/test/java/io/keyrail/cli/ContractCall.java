package io.keyrail.cli;

import java.util.List;
import java.util.Map;

/**
 * One {@code keyrail} call made from a published vector, and the answer the contract promises: one
 * stdout line equal to a value, one line of a given length starting with a published prefix, or
 * one JSON object carrying published fields.
 */
record ContractCall(String id, List<String> args, Answer answer) implements CliTables.Row {

    ContractCall {
        args = List.copyOf(args);
    }

    /** What must come back on stdout. */
    sealed interface Answer {
    }

    /** Exactly this line. */
    record OneLine(String value) implements Answer {
    }

    /** A line of {@code length} characters that starts with {@code prefix} (a published truncation). */
    record Prefix(String prefix, int length) implements Answer {
    }

    /** One JSON object with these fields; {@code kcv} is compared on the common prefix (at least 4 digits). */
    record JsonFields(Map<String, String> fields) implements Answer {

        JsonFields {
            fields = Map.copyOf(fields);
        }
    }

    /** The vector id, so parameterised test names say which call ran. */
    @Override
    public String toString() {
        return id;
    }
}
