package io.keyrail.cli.crypto;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
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

    /** The subcommands by name, in the order usage lists them. */
    private static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    @Spec
    CommandSpec spec;

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
        commands.put("kcv", KcvCommand::new);
        commands.put("pin-block", PinBlockCommand::new);
        commands.put("pin-translate", PinTranslateCommand::new);
        commands.put("mac", MacCommand::new);
        commands.put("tr31", Tr31Command::new);
        return commands;
    }

    /**
     * {@code keyrail crypto} with the subcommand {@code name} only, or with all of them when
     * {@code name} is null or not a subcommand (usage lists them; picocli names the unknown one).
     */
    public static CommandLine commandLine(String name) {
        CommandLine crypto = new CommandLine(new CryptoCommand());
        Supplier<Object> named = name == null ? null : SUBCOMMANDS.get(name);
        if (named != null) {
            crypto.addSubcommand(name, named.get());
        } else {
            SUBCOMMANDS.forEach((n, command) -> crypto.addSubcommand(n, command.get()));
        }
        return crypto;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
