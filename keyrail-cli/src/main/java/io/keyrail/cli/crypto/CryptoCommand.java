package io.keyrail.cli.crypto;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyrail crypto}: the payment crypto calculator, for test keys. */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = "Payment crypto calculator for test keys: check values, PIN blocks, MACs, TR-31 key blocks.",
        subcommands = {KcvCommand.class, PinBlockCommand.class, PinTranslateCommand.class, MacCommand.class,
                Tr31Command.class})
public final class CryptoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
