package io.keyrail.cli.crypto;

import io.keyrail.hsm.api.mac.MacAlgorithm;
import io.keyrail.hsm.api.mac.MacPadding;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.mac.MacCalculator;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code keyrail crypto mac}: a MAC over hex data. */
@Command(name = "mac", mixinStandardHelpOptions = true, description = {
        "Computes a MAC.",
        "ALG: iso9797-1-alg1 (CBC-MAC; DES or TDES by key length), iso9797-1-alg3 (retail MAC, key = K||K'),",
        "     x9.9 (single-DES CBC-MAC), x9.19 (= alg3), aes-cmac, tdes-cmac,",
        "     cup-ecb (China UnionPay POS MAC over the MAC block; prints the 8 characters of field 64).",
        "Padding default 1 (zero pad) for the ISO/ANSI algorithms; length default: the full block."})
final class MacCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--algorithm", required = true, paramLabel = "ALG", converter = AlgorithmName.class,
            completionCandidates = AlgorithmName.class,
            description = "iso9797-1-alg1, iso9797-1-alg3, x9.9, x9.19, aes-cmac, tdes-cmac or cup-ecb.")
    MacAlgorithm algorithm;

    @Option(names = "--key", required = true, paramLabel = "HEX", description = "The clear MAC key.")
    String key;

    @Option(names = "--data", required = true, paramLabel = "HEX",
            description = "The data (for cup-ecb, the MAC block); may be empty ('').")
    String data;

    @Option(names = "--padding", paramLabel = "1|2|3", defaultValue = "1", description = "ISO 9797-1 padding method.")
    int padding;

    @Option(names = "--length", paramLabel = "BYTES", description = "Truncate to the leftmost BYTES bytes.")
    Integer length;

    @Override
    public Integer call() {
        MacPadding p = OptionValues.decode("--padding", () -> MacPadding.ofNumber(padding));
        byte[] k = OptionValues.hex(key, "--key");
        byte[] d = data.isEmpty() ? new byte[0] : OptionValues.hex(data, "--data");
        MacCalculator calculator = OptionValues.decode("--key", () -> MacCalculator.of(algorithm, k));
        byte[] mac = OptionValues.decode("--data", () -> calculator.compute(d, p));
        int len = length == null ? mac.length : length;
        if (len < 1 || len > mac.length) {
            throw new IllegalArgumentException("--length must be 1 to " + mac.length + " bytes, not " + len);
        }
        byte[] out = Arrays.copyOf(mac, len);
        Output.line(spec, algorithm == MacAlgorithm.CUP_ECB ? new String(out, StandardCharsets.US_ASCII) : Hex.encode(out));
        return 0;
    }

    /** The contract's algorithm names, in the order usage and error messages list them. */
    static final class AlgorithmName implements ITypeConverter<MacAlgorithm>, Iterable<String> {

        private static final Map<String, MacAlgorithm> NAMES = names();

        private static Map<String, MacAlgorithm> names() {
            Map<String, MacAlgorithm> names = new LinkedHashMap<>();
            names.put("iso9797-1-alg1", MacAlgorithm.ISO9797_1_ALG1);
            names.put("iso9797-1-alg3", MacAlgorithm.ISO9797_1_ALG3);
            names.put("x9.9", MacAlgorithm.ANSI_X9_9);
            names.put("x9.19", MacAlgorithm.ANSI_X9_19);
            names.put("aes-cmac", MacAlgorithm.AES_CMAC);
            names.put("tdes-cmac", MacAlgorithm.TDES_CMAC);
            names.put("cup-ecb", MacAlgorithm.CUP_ECB);
            return names;
        }

        @Override
        public MacAlgorithm convert(String value) {
            MacAlgorithm algorithm = NAMES.get(value.toLowerCase(Locale.ROOT));
            if (algorithm == null) {
                throw new TypeConversionException("expected one of " + String.join(", ", NAMES.keySet()));
            }
            return algorithm;
        }

        @Override
        public Iterator<String> iterator() {
            return NAMES.keySet().iterator();
        }
    }
}
