package io.keyrail.cli.crypto;

import io.keyrail.cli.CommandFailure;
import io.keyrail.hsm.api.pin.PinBlockFormat;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.cipher.BlockCipherKey;
import io.keyrail.hsm.crypto.pin.Iso9564PinBlock;
import io.keyrail.hsm.crypto.pin.PinDecoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyrail crypto pin-block encode|decode}: ISO 9564-1 PIN blocks, formats 0 to 4. */
@Command(name = "pin-block", mixinStandardHelpOptions = true,
        description = "ISO 9564-1 PIN blocks: formats 0 to 3 (TDES) and 4 (AES).",
        subcommands = {PinBlockCommand.Encode.class, PinBlockCommand.Decode.class})
final class PinBlockCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The key for a format: TDES (16 or 24 bytes) for formats 0 to 3, AES for format 4. */
    static BlockCipherKey pinKey(PinBlockFormat format, String hex, String option) {
        byte[] k = OptionValues.hex(hex, option);
        if (format == PinBlockFormat.ISO_4) {
            if (k.length != 16 && k.length != 24 && k.length != 32) {
                throw new IllegalArgumentException(option + ": format 4 needs an AES key of 16, 24 or 32 bytes, not " + k.length);
            }
            return BlockCipherKey.aes(k);
        }
        if (k.length != 16 && k.length != 24) {
            throw new IllegalArgumentException(option + ": format " + format.number()
                    + " needs a TDES key of 16 or 24 bytes, not " + k.length);
        }
        return BlockCipherKey.des(k);
    }

    static String requirePan(PinBlockFormat format, String pan, String option) {
        if (format.usesPan() && pan == null) {
            throw new IllegalArgumentException(option + " is required for format " + format.number());
        }
        return pan;
    }

    @Command(name = "encode", mixinStandardHelpOptions = true, description = {
            "Encodes a PIN block.",
            "Without --key: the clear block (formats 0-3, 16 hex) or, for format 4, the plaintext PIN field (32 hex).",
            "With --key: the enciphered block (TDES for 0-3, AES for 4)."})
    static final class Encode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--format", required = true, paramLabel = "0|1|2|3|4", description = "ISO 9564-1 format.")
        int format;

        @Option(names = "--pin", required = true, paramLabel = "DIGITS", description = "The PIN, 4 to 12 digits.")
        String pin;

        @Option(names = "--pan", paramLabel = "DIGITS", description = "The PAN with its check digit (formats 0, 3, 4).")
        String pan;

        @Option(names = "--fill", paramLabel = "HEX", description = "Fill nibbles after the PIN (formats 1 and 3) or the "
                + "16-nibble random half of the format-4 PIN field; random when absent.")
        String fill;

        @Option(names = "--key", paramLabel = "HEX", description = "Encipher under this key.")
        String key;

        @Option(names = "--json", description = "Format 4: {\"pinField\":..,\"panField\":..,\"block\":..}.")
        boolean json;

        @Override
        public Integer call() {
            PinBlockFormat f = OptionValues.format(format, "--format");
            BlockCipherKey k = key == null ? null : pinKey(f, key, "--key");
            if (k != null || f != PinBlockFormat.ISO_4) {
                requirePan(f, pan, "--pan");
            }
            byte[] clear = OptionValues.decode(OptionValues.pinInputOr("--pin"),
                    () -> Iso9564PinBlock.encodeClear(f, pin, pan, fill));
            byte[] panField = f == PinBlockFormat.ISO_4 && pan != null
                    ? OptionValues.decode(OptionValues.pinInputOr("--pin"), () -> Iso9564PinBlock.panField4(pan))
                    : null;
            Map<String, String> fields = new LinkedHashMap<>();
            if (f == PinBlockFormat.ISO_4) {
                fields.put("pinField", Hex.encode(clear));
                if (panField != null) {
                    fields.put("panField", Hex.encode(panField));
                }
            }
            String block = k == null ? Hex.encode(clear) : Hex.encode(encipher(f, k, clear, panField));
            if (k != null || f != PinBlockFormat.ISO_4) {
                fields.put("block", block);
            }
            if (json) {
                Output.json(spec, fields);
            } else {
                Output.line(spec, block);
            }
            return 0;
        }

        /** TDES-ECB of the clear block for formats 0 to 3; E(K, E(K, PIN field) XOR PAN field) for format 4. */
        private static byte[] encipher(PinBlockFormat f, BlockCipherKey k, byte[] clear, byte[] panField) {
            if (f != PinBlockFormat.ISO_4) {
                return k.encryptEcb(clear);
            }
            byte[] intermediate = k.encryptEcb(clear);
            for (int i = 0; i < 16; i++) {
                intermediate[i] ^= panField[i];
            }
            return k.encryptEcb(intermediate);
        }
    }

    @Command(name = "decode", mixinStandardHelpOptions = true,
            description = "Decodes a PIN block (clear, or enciphered with --key) and prints the PIN.")
    static final class Decode implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--format", required = true, paramLabel = "0|1|2|3|4", description = "ISO 9564-1 format.")
        int format;

        @Option(names = "--block", required = true, paramLabel = "HEX", description = "The PIN block.")
        String block;

        @Option(names = "--pan", paramLabel = "DIGITS", description = "The PAN with its check digit (formats 0, 3, 4).")
        String pan;

        @Option(names = "--key", paramLabel = "HEX", description = "Decipher under this key first.")
        String key;

        @Override
        public Integer call() {
            PinBlockFormat f = OptionValues.format(format, "--format");
            byte[] b = OptionValues.hex(block, "--block");
            if (b.length != f.blockLength()) {
                throw new IllegalArgumentException("--block: a format " + f.number() + " block is " + f.blockLength()
                        + " bytes, not " + b.length);
            }
            requirePan(f, pan, "--pan");
            PinDecoding decoding = OptionValues.decode(OptionValues.pinInputOr("--block"), () -> key == null
                    ? Iso9564PinBlock.decodeClear(f, b, pan)
                    : Iso9564PinBlock.decipher(f, pinKey(f, key, "--key"), b, pan));
            return switch (decoding) {
                case PinDecoding.Decoded d -> {
                    Output.line(spec, d.pin());
                    yield 0;
                }
                case PinDecoding.Malformed m ->
                        throw new CommandFailure("--block does not decode to a well-formed format " + f.number() + " PIN block");
            };
        }
    }
}
