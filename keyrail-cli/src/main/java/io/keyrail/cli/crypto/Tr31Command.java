package io.keyrail.cli.crypto;

import io.keyrail.cli.CommandFailure;
import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import io.keyrail.hsm.crypto.tr31.Tr31Header;
import io.keyrail.hsm.crypto.tr31.Tr31KeyBlocks;
import io.keyrail.hsm.crypto.tr31.Tr31Unwrapping;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyrail crypto tr31 wrap|unwrap}: ASC X9 TR-31 / ANSI X9.143 key blocks, versions A, B, C and D. */
@Command(name = "tr31", mixinStandardHelpOptions = true,
        description = "TR-31 / ANSI X9.143 key blocks, versions A, B, C and D.",
        subcommands = {Tr31Command.Wrap.class, Tr31Command.Unwrap.class})
final class Tr31Command implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "wrap", mixinStandardHelpOptions = true,
            description = "Wraps a key under a key block protection key; prints the key block.")
    static final class Wrap implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--kbpk", required = true, paramLabel = "HEX", description = "The key block protection key.")
        String kbpk;

        @Option(names = "--header", required = true, paramLabel = "HEADER",
                description = "The header (16 characters plus optional blocks); its length field is recomputed.")
        String header;

        @Option(names = "--key", required = true, paramLabel = "HEX", description = "The key to wrap.")
        String key;

        @Option(names = "--pad", paramLabel = "HEX", description = "The key-data padding; random when absent.")
        String pad;

        @Override
        public Integer call() {
            byte[] protection = OptionValues.hex(kbpk, "--kbpk");
            byte[] k = OptionValues.hex(key, "--key");
            byte[] p = pad == null ? null : OptionValues.hex(pad, "--pad");
            Tr31Header h = OptionValues.decode("--header", () -> Tr31Header.parse(header));
            Output.line(spec, OptionValues.decode(Wrap::optionOf, () -> Tr31KeyBlocks.wrap(protection, h, k, p)));
            return 0;
        }

        /** The option a wrapping message is about: the KBPK, the pad, the header or else the key. */
        private static String optionOf(String message) {
            String m = message == null ? "" : message;
            return m.contains("protection key") ? "--kbpk"
                    : m.startsWith("pad ") ? "--pad"
                    : m.startsWith("header") ? "--header"
                    : "--key";
        }
    }

    @Command(name = "unwrap", mixinStandardHelpOptions = true,
            description = "Verifies and unwraps a key block; prints the clear key.")
    static final class Unwrap implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--kbpk", required = true, paramLabel = "HEX", description = "The key block protection key.")
        String kbpk;

        @Option(names = "--block", required = true, paramLabel = "BLOCK", description = "The key block.")
        String block;

        @Option(names = "--json", description = "{\"key\":..,\"header\":..,\"kcv\":..}")
        boolean json;

        @Override
        public Integer call() {
            byte[] protection = OptionValues.hex(kbpk, "--kbpk");
            Tr31Unwrapping result = OptionValues.decode("--kbpk", () -> Tr31KeyBlocks.unwrap(protection, block));
            return switch (result) {
                case Tr31Unwrapping.MacMismatch m ->
                        throw new CommandFailure("--block: the key block's MAC does not verify under --kbpk");
                case Tr31Unwrapping.Malformed m -> throw new IllegalArgumentException("--block: " + m.reason());
                case Tr31Unwrapping.Unwrapped u -> print(u);
            };
        }

        private int print(Tr31Unwrapping.Unwrapped u) {
            String keyHex = Hex.encode(u.key());
            if (!json) {
                Output.line(spec, keyHex);
                return 0;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("key", keyHex);
            fields.put("header", u.header().encode(block.length()));
            KeyAlgorithm a = u.header().keyAlgorithm();
            if (a == KeyAlgorithm.TDES && u.key().length == 8) {
                a = KeyAlgorithm.DES;
            }
            fields.put("kcv", Hex.encode(CheckValues.compute(a, u.key(), CheckValues.defaultMethod(a),
                    CheckValues.defaultLength(a))));
            Output.json(spec, fields);
            return 0;
        }
    }
}
