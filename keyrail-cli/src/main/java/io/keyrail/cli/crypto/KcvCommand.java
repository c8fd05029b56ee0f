package io.keyrail.cli.crypto;

import io.keyrail.hsm.api.key.KeyAlgorithm;
import io.keyrail.hsm.api.key.KeyCheckValueMethod;
import io.keyrail.hsm.crypto.Hex;
import io.keyrail.hsm.crypto.kcv.CheckValues;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code keyrail crypto kcv}: a key check value. */
@Command(name = "kcv", mixinStandardHelpOptions = true, description = {
        "Prints the key check value of a clear key.",
        "Algorithm default: 8-byte keys des, 16/24-byte tdes, 32-byte aes (16/24-byte AES needs --algorithm aes).",
        "Method default: zeros for des/tdes (encrypt one zero block), cmac for aes (CMAC of 16 zero bytes).",
        "Length default: 3 bytes for des/tdes, 5 for aes."})
final class KcvCommand implements Callable<Integer> {

    enum Algorithm { des, tdes, aes }

    enum Method { zeros, cmac }

    @Spec
    CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "HEX", description = "The clear key.")
    String key;

    @Option(names = "--algorithm", paramLabel = "des|tdes|aes", description = "des, tdes or aes.")
    Algorithm algorithm;

    @Option(names = "--method", paramLabel = "zeros|cmac", description = "zeros or cmac.")
    Method method;

    @Option(names = "--length", paramLabel = "BYTES", description = "Check value length in bytes.")
    Integer length;

    @Override
    public Integer call() {
        byte[] k = OptionValues.hex(key, "--key");
        KeyAlgorithm a = algorithm == null ? byLength(k.length) : switch (algorithm) {
            case des -> KeyAlgorithm.DES;
            case tdes -> KeyAlgorithm.TDES;
            case aes -> KeyAlgorithm.AES;
        };
        if (!a.allowsKeyLength(k.length) || (a == KeyAlgorithm.TDES && k.length == 8)) {
            throw new IllegalArgumentException("--key: " + (a == KeyAlgorithm.AES ? "an " : "a ") + a + " key must be "
                    + (a == KeyAlgorithm.DES ? "8" : a == KeyAlgorithm.TDES ? "16 or 24" : "16, 24 or 32")
                    + " bytes, not " + k.length);
        }
        KeyCheckValueMethod m = method == null ? CheckValues.defaultMethod(a)
                : method == Method.zeros ? KeyCheckValueMethod.ZEROS : KeyCheckValueMethod.CMAC;
        if (m == KeyCheckValueMethod.CMAC && a == KeyAlgorithm.DES) {
            throw new IllegalArgumentException("--method cmac needs a TDES or AES key, not DES");
        }
        int len = length == null ? CheckValues.defaultLength(a) : length;
        if (len < 1 || len > a.blockSize()) {
            throw new IllegalArgumentException("--length must be 1 to " + a.blockSize() + " bytes, not " + len);
        }
        Output.line(spec, Hex.encode(CheckValues.compute(a, k, m, len)));
        return 0;
    }

    private static KeyAlgorithm byLength(int length) {
        return switch (length) {
            case 8 -> KeyAlgorithm.DES;
            case 16, 24 -> KeyAlgorithm.TDES;
            case 32 -> KeyAlgorithm.AES;
            default -> throw new IllegalArgumentException("--key must be 8, 16, 24 or 32 bytes, not " + length);
        };
    }
}
