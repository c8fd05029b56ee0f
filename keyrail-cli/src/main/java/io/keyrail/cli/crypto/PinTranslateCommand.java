package io.keyrail.cli.crypto;

import io.keyrail.cli.CommandFailure;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.pin.PinTranslationOutcome;
import io.keyrail.hsm.crypto.pin.PinTranslator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyrail crypto pin-translate}: a PIN block from one key and format to another. */
@Command(name = "pin-translate", mixinStandardHelpOptions = true, description = {
        "Translates a PIN block from one key and format to another.",
        "Refuses ISO 0/3/4 -> ISO 1/2 (PCI PIN 3-3) with a non-zero exit."})
final class PinTranslateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pan", required = true, paramLabel = "DIGITS", description = "The PAN with its check digit.")
    String pan;

    @Option(names = "--block", required = true, paramLabel = "HEX", description = "The enciphered PIN block.")
    String block;

    @Option(names = "--from-key", required = true, paramLabel = "HEX", description = "The key the block is under.")
    String fromKey;

    @Option(names = "--from-format", required = true, paramLabel = "F", description = "The block's format.")
    int fromFormat;

    @Option(names = "--to-key", required = true, paramLabel = "HEX", description = "The key to translate to.")
    String toKey;

    @Option(names = "--to-format", required = true, paramLabel = "G", description = "The format to translate to.")
    int toFormat;

    @Option(names = "--fill", paramLabel = "HEX", description = "Fill for the new block (formats 1 and 3: the fill "
            + "nibbles; format 4: the 16-nibble random half); random when absent.")
    String fill;

    @Override
    public Integer call() {
        PinBlockFormat from = OptionValues.format(fromFormat, "--from-format");
        PinBlockFormat to = OptionValues.format(toFormat, "--to-format");
        if (!from.mayTranslateTo(to)) {
            throw new CommandFailure("--to-format: PCI PIN 3-3 forbids translating format " + from.number()
                    + " into format " + to.number());
        }
        byte[] b = OptionValues.hex(block, "--block");
        if (b.length != from.blockLength()) {
            throw new IllegalArgumentException("--block: a format " + from.number() + " block is " + from.blockLength()
                    + " bytes, not " + b.length);
        }
        BlockCipherKey source = PinBlockCommand.pinKey(from, fromKey, "--from-key");
        BlockCipherKey destination = PinBlockCommand.pinKey(to, toKey, "--to-key");
        if (fill != null) {
            OptionValues.hex(fill.length() % 2 == 0 ? fill : fill + "0", "--fill");
        }
        PinTranslationOutcome outcome = OptionValues.decode(OptionValues.pinInputOr("--block"),
                () -> PinTranslator.translate(source, from, b, destination, to, pan, fill));
        return switch (outcome) {
            case PinTranslationOutcome.Translated t -> {
                Output.line(spec, Hex.encode(t.block()));
                yield 0;
            }
            case PinTranslationOutcome.FormatChangeRefused r -> throw new CommandFailure("--to-format: PCI PIN 3-3 forbids "
                    + "translating format " + r.from().number() + " into format " + r.to().number());
            case PinTranslationOutcome.Malformed m ->
                    throw new CommandFailure("--block does not decrypt to a well-formed format " + from.number() + " PIN block");
        };
    }
}
