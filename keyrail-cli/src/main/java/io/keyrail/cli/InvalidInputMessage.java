package io.keyrail.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one stderr line for a command line picocli could not parse. Guarantees: one line that names
 * the option at fault, and never the text the user typed as a value. Picocli's own messages quote
 * the rejected text ({@code Unknown option: '--kee=0123...'}, {@code '4012345678909' is not an
 * int}); a misplaced key, PIN or PAN would reach the terminal, the shell history of a pasted error
 * or a CI log, so those messages are rebuilt from the option model instead.
 */
final class InvalidInputMessage {

    private static final Pattern INDEX = Pattern.compile("index (\\d{1,4})");

    private InvalidInputMessage() {
    }

    /** The line for {@code ex}, raised while parsing {@code args}. */
    static String of(ParameterException ex, String[] args) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched, args);
        }
        ArgSpec arg = ex.getArgSpec();
        if (arg instanceof OptionSpec option && ex.getValue() != null && ex.getCause() != null) {
            return "invalid value for " + option.longestName() + ": expected " + expectation(option);
        }
        return Keyrail.oneLine(ex.getMessage());
    }

    private static String unmatched(UnmatchedArgumentException ex, String[] args) {
        List<String> unmatched = ex.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (first.startsWith("-")) {
            String option = name(first);
            return option.isEmpty() ? "unknown option (see --help)" : "unknown option " + option + " (see --help)";
        }
        if (!ex.getCommandLine().getSubcommands().isEmpty() && looksLikeCommandName(first)) {
            return "unknown command '" + first + "' (see --help)";
        }
        int index = unmatchedIndex(ex);
        String previous = index >= 1 && index <= args.length ? name(args[index - 1]) : "";
        String option = index >= 2 && index <= args.length ? name(args[index - 2]) : "";
        if (previous.isEmpty() && option.startsWith("-")) {
            return "unexpected argument after the value of " + option + ": each option takes one value (see --help)";
        }
        return "unexpected argument" + (previous.isEmpty() ? "" : " after " + previous)
                + ": options take the form --name VALUE (see --help)";
    }

    /** Picocli gives the position of the first unmatched argument only in its message ("... at index 4: ..."). */
    private static int unmatchedIndex(UnmatchedArgumentException ex) {
        Matcher m = INDEX.matcher(String.valueOf(ex.getMessage()));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** {@code arg} when it is an option or command name (never a value: that could be a key), else empty. */
    private static String name(String arg) {
        int eq = arg.indexOf('=');
        String name = eq < 0 ? arg : arg.substring(0, eq);
        return name.matches("--?[A-Za-z][A-Za-z0-9.-]*") || looksLikeCommandName(name) ? name : "";
    }

    /** A word that cannot be a key, PIN, PAN or block: letters first, and not all hexadecimal digits. */
    private static boolean looksLikeCommandName(String word) {
        return word.length() <= 32 && word.matches("[A-Za-z][A-Za-z0-9.-]*")
                && !word.matches("[0-9A-Fa-f]+");
    }

    private static String expectation(OptionSpec option) {
        Iterable<String> candidates = option.completionCandidates();
        if (candidates != null) {
            List<String> values = new ArrayList<>();
            candidates.forEach(values::add);
            if (!values.isEmpty()) {
                return oneOf(values);
            }
        }
        Class<?> type = option.type();
        if (type == int.class || type == Integer.class) {
            return "a whole number";
        }
        return option.paramLabel().toLowerCase(Locale.ROOT);
    }

    private static String oneOf(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }
}
