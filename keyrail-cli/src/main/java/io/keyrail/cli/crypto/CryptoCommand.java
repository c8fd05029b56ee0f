package io.keyrail.cli.crypto;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code keyrail crypto}: the payment crypto calculator, for test keys. Its subcommands are added by
 * {@link #commandLine}, not declared on the annotation: picocli reflects over every declared
 * subcommand at start-up, and a call needs only the one it names.
 */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = "Payment crypto calculator for test keys: check values, PIN blocks, MACs, TR-31 key blocks.")
public final class CryptoCommand implements Runnable {

    /** The subcommand names, in the order usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("kcv", "pin-block", "pin-translate", "mac", "tr31");

    @Spec
    CommandSpec spec;

    /**
     * {@code keyrail crypto} with the subcommand {@code name} only, or with all of them when
     * {@code name} is null or not a subcommand (usage lists them; picocli names the unknown one).
     */
    public static CommandLine commandLine(String name) {
        CommandLine crypto = new CommandLine(new CryptoCommand());
        List<String> wanted = name != null && SUBCOMMANDS.contains(name) ? List.of(name) : SUBCOMMANDS;
        for (String subcommand : wanted) {
            crypto.addSubcommand(subcommand, subcommand(subcommand));
        }
        return crypto;
    }

    /** A switch, not a map of constructor references: only the class of the command that runs is loaded. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "kcv" -> new KcvCommand();
            case "pin-block" -> new PinBlockCommand();
            case "pin-translate" -> new PinTranslateCommand();
            case "mac" -> new MacCommand();
            case "tr31" -> new Tr31Command();
            default -> throw new IllegalArgumentException("no crypto subcommand " + name);
        };
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
