package io.keyrail.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One call the contract must refuse: the arguments, the exit status, the option the stderr line
 * must name and the exact line. {@link #secrets()} lists what must never show on stderr: the
 * values given to key, PIN, PAN, block, pad and fill options, any {@code --name=value} value and
 * any bare argument of eight or more hexadecimal digits.
 */
record BadInput(String name, List<String> args, int status, String option, String message) implements CliTables.Row {

    private static final Set<String> SECRET_OPTIONS = Set.of("--key", "--kbpk", "--from-key", "--to-key", "--pin",
            "--pan", "--block", "--pad", "--fill");

    BadInput {
        args = List.copyOf(args);
        if (!message.contains(option)) {
            throw new IllegalArgumentException(name + ": the expected message must name " + option);
        }
    }

    /** A refusal of input the command cannot use: exit 2. */
    static BadInput usage(String name, String option, String message, String... args) {
        return new BadInput(name, List.of(args), Keyrail.EXIT_USAGE, option, message);
    }

    /** A well-formed request whose answer is "no" (a MAC that fails, a forbidden format change): exit 1. */
    static BadInput refused(String name, String option, String message, String... args) {
        return new BadInput(name, List.of(args), Keyrail.EXIT_REFUSED, option, message);
    }

    List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int eq = arg.indexOf('=');
            if (SECRET_OPTIONS.contains(arg) && i + 1 < args.size() && !args.get(i + 1).isEmpty()) {
                secrets.add(args.get(i + 1));
            } else if (arg.startsWith("-") && eq > 0 && eq < arg.length() - 1) {
                secrets.add(arg.substring(eq + 1));
            } else if (arg.matches("[0-9A-Fa-f]{8,}")) {
                secrets.add(arg);
            }
        }
        return secrets;
    }

    /** The case name, so parameterised test names say which input ran. */
    @Override
    public String toString() {
        return name;
    }
}
