package io.keyrail.cli;

import io.keyrail.cli.ContractCall.Answer;
import io.keyrail.cli.ContractCall.JsonFields;
import io.keyrail.cli.ContractCall.OneLine;
import io.keyrail.cli.ContractCall.Prefix;
import io.keyrail.hsm.vectors.KnownAnswerVectors;
import io.keyrail.hsm.vectors.KnownAnswerVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The published vectors of hsm-adapter ({@code src/test/resources/vectors}) as {@code keyrail crypto}
 * calls, mapped as {@code shared/tools/check-cli-contract} maps them: same options, same defaults left
 * out, hex inputs lower-cased on the same calls (vector index mod 3 == 1). An algorithm this class
 * does not know fails loudly instead of being skipped, so a new vector cannot slip past the CLI.
 */
final class PublishedVectorCalls {

    private static final Set<String> AES_ZEROS = Set.of("AES-KCV-ECB-ZEROS");
    private static final Map<String, String> MAC_NAMES = Map.of(
            "ISO9797-1-ALG1", "iso9797-1-alg1", "ISO9797-1-ALG3", "iso9797-1-alg3", "ANSI-X9.9", "x9.9",
            "ANSI-X9.19", "x9.19", "AES-CMAC", "aes-cmac", "TDES-CMAC", "tdes-cmac", "CUP-POS-ECB-MAC", "cup-ecb");

    private PublishedVectorCalls() {
    }

    static List<ContractCall> kcv() {
        List<ContractCall> calls = new ArrayList<>();
        List<Vector> vectors = KnownAnswerVectors.load("kcv");
        for (int n = 0; n < vectors.size(); n++) {
            Vector v = vectors.get(n);
            String key = v.input("key");
            String kcv = v.expected("kcv");
            int keyLength = key.length() / 2;
            int wanted = kcv.length() / 2;
            List<String> args = args("crypto", "kcv", "--key", lower(n % 3 == 1, key));
            String a = v.algorithm();
            if (a.equals("TDES-KCV") || a.equals("DES-KCV")) {
                if (n % 2 == 1) {
                    args.addAll(List.of("--algorithm", keyLength == 8 ? "des" : "tdes", "--method", "zeros"));
                }
                length(args, wanted, 3);
            } else if (a.equals("AES-KCV-CMAC") || AES_ZEROS.contains(a)) {
                if (keyLength != 32) {
                    args.addAll(List.of("--algorithm", "aes"));
                }
                if (AES_ZEROS.contains(a)) {
                    args.addAll(List.of("--method", "zeros"));
                }
                length(args, wanted, 5);
            } else {
                throw unknown(v);
            }
            calls.add(new ContractCall("kcv/" + v.id(), args, new OneLine(kcv)));
        }
        return calls;
    }

    static List<ContractCall> pinBlock() {
        List<ContractCall> calls = new ArrayList<>();
        List<Vector> vectors = KnownAnswerVectors.load("pinblock");
        Vector donor = vectors.stream().filter(v -> v.id().equals("f4-psec-deterministic")).findFirst().orElseThrow();
        for (int n = 0; n < vectors.size(); n++) {
            Vector v = vectors.get(n);
            if (!v.algorithm().startsWith("ISO9564-FORMAT-")) {
                throw unknown(v);
            }
            String format = v.algorithm().substring(v.algorithm().length() - 1);
            boolean low = n % 3 == 1;
            String id = "pinblock/" + v.id();
            List<String> encode = args("crypto", "pin-block", "encode", "--format", format);
            if (format.equals("4")) {
                calls.addAll(format4(v, id, encode, low, donor));
                continue;
            }
            encode.addAll(List.of("--pin", v.input("pin")));
            if (format.equals("0") || format.equals("3")) {
                encode.addAll(List.of("--pan", v.input("pan")));
            }
            if (format.equals("1") || format.equals("3")) {
                encode.addAll(List.of("--fill", lower(low, v.input("fill"))));
            }
            List<String> decode = args("crypto", "pin-block", "decode", "--format", format);
            if (v.hasInput("key")) {
                encode.addAll(List.of("--key", lower(low, v.input("key"))));
                calls.add(new ContractCall(id + "#encode", encode, new OneLine(v.expected("encrypted_block"))));
                decode.addAll(List.of("--block", v.expected("encrypted_block"), "--key", lower(low, v.input("key"))));
            } else {
                calls.add(new ContractCall(id + "#encode", encode, new OneLine(v.expected("clear_block"))));
                String pin = v.input("pin");
                if (format.equals("0") || (format.equals("2") && !pin.equals("1234") && !pin.equals("123456789012"))) {
                    continue;
                }
                decode.addAll(List.of("--block", lower(low, v.expected("clear_block"))));
            }
            if (format.equals("0") || format.equals("3")) {
                decode.addAll(List.of("--pan", v.input("pan")));
            }
            calls.add(new ContractCall(id + "#decode", decode, new OneLine(v.input("pin"))));
        }
        return calls;
    }

    private static List<ContractCall> format4(Vector v, String id, List<String> encode, boolean low, Vector donor) {
        if (v.hasInput("pin") && v.hasInput("pan") && v.hasInput("key")) {
            encode.addAll(List.of("--pin", v.input("pin"), "--pan", v.input("pan"), "--fill", v.input("random_fill"),
                    "--key", lower(low, v.input("key")), "--json"));
            Answer fields = new JsonFields(Map.of("pinField", v.expected("pin_field"),
                    "panField", v.expected("pan_field"), "block", v.expected("encrypted_block")));
            List<String> decode = args("crypto", "pin-block", "decode", "--format", "4",
                    "--block", lower(low, v.expected("encrypted_block")), "--pan", v.input("pan"),
                    "--key", lower(!low, v.input("key")));
            return List.of(new ContractCall(id + "#encode", encode, fields),
                    new ContractCall(id + "#decode", decode, new OneLine(v.input("pin"))));
        }
        if (v.hasInput("pin")) {
            encode.addAll(List.of("--pin", v.input("pin"), "--fill", v.input("random_fill")));
            Answer field = v.hasExpected("pin_field") ? new OneLine(v.expected("pin_field"))
                    : new Prefix(v.expected("pin_field_prefix"), 32);
            return List.of(new ContractCall(id + "#encode", encode, field));
        }
        if (v.hasInput("pan")) {
            encode.addAll(List.of("--pin", donor.input("pin"), "--pan", v.input("pan"),
                    "--fill", donor.input("random_fill"), "--key", donor.input("key"), "--json"));
            return List.of(new ContractCall(id + "#encode", encode,
                    new JsonFields(Map.of("panField", v.expected("pan_field")))));
        }
        throw unknown(v);
    }

    static List<ContractCall> pinTranslate() {
        List<ContractCall> calls = new ArrayList<>();
        List<Vector> vectors = KnownAnswerVectors.load("pin_translate");
        for (int n = 0; n < vectors.size(); n++) {
            Vector v = vectors.get(n);
            int from = Integer.parseInt(v.input("source_format"));
            int to = Integer.parseInt(v.input("dest_format"));
            if ((from == 0 || from == 3 || from == 4) && (to == 1 || to == 2)) {
                continue; // refused by the contract: CliBadInputTest covers these
            }
            boolean low = n % 3 == 1;
            List<String> args = args("crypto", "pin-translate", "--pan", v.input("pan"),
                    "--block", lower(low, v.input("source_block")),
                    "--from-key", lower(low, v.input("source_key")), "--from-format", String.valueOf(from),
                    "--to-key", lower(low, v.input("dest_key")), "--to-format", String.valueOf(to));
            if (v.hasInput("dest_fill")) {
                args.addAll(List.of("--fill", v.input("dest_fill")));
            }
            calls.add(new ContractCall("pin_translate/" + v.id(), args, new OneLine(v.expected("dest_block"))));
        }
        return calls;
    }

    static List<ContractCall> mac() {
        List<ContractCall> calls = new ArrayList<>();
        List<Vector> vectors = KnownAnswerVectors.load("mac");
        int truncated = 0;
        for (int n = 0; n < vectors.size(); n++) {
            Vector v = vectors.get(n);
            String alg = MAC_NAMES.get(v.algorithm());
            if (alg == null) {
                throw unknown(v);
            }
            String data = v.hasInput("data_hex") ? v.input("data_hex")
                    : HexFormat.of().withUpperCase().formatHex(v.input("data_ascii").getBytes(StandardCharsets.US_ASCII));
            String key = v.hasInput("k") ? v.input("k") + v.input("k_prime")
                    : alg.equals("x9.19") && v.input("key").length() == 16 ? v.input("key").repeat(2)
                    : v.input("key");
            boolean low = n % 3 == 1;
            List<String> args = args("crypto", "mac", "--algorithm", alg, "--key", lower(low, key),
                    "--data", lower(!low, data));
            if (alg.startsWith("iso9797") || ((alg.equals("x9.9") || alg.equals("x9.19"))
                    && !v.input("padding").equals("1"))) {
                args.addAll(List.of("--padding", v.input("padding")));
            }
            String id = "mac/" + v.id();
            if (alg.equals("cup-ecb")) {
                calls.add(new ContractCall(id, args, v.hasExpected("mac_ascii") ? new OneLine(v.expected("mac_ascii"))
                        : new Prefix(new String(HexFormat.of().parseHex(v.expected("mac_ascii_prefix_hex")),
                                StandardCharsets.US_ASCII), 8)));
                continue;
            }
            int full = alg.equals("aes-cmac") ? 32 : 16;
            String mac = v.expected("mac");
            if (mac.length() < full && ++truncated % 2 == 1) {
                args.addAll(List.of("--length", String.valueOf(mac.length() / 2)));
                calls.add(new ContractCall(id, args, new OneLine(mac)));
            } else if (mac.length() < full) {
                calls.add(new ContractCall(id, args, new Prefix(mac, full)));
            } else {
                calls.add(new ContractCall(id, args, new OneLine(mac)));
            }
        }
        return calls;
    }

    static List<ContractCall> tr31() {
        List<ContractCall> calls = new ArrayList<>();
        List<Vector> vectors = KnownAnswerVectors.load("tr31");
        for (int n = 0; n < vectors.size(); n++) {
            Vector v = vectors.get(n);
            if (!v.algorithm().startsWith("TR-31 version ")) {
                throw unknown(v);
            }
            boolean low = n % 3 == 1;
            String id = "tr31/" + v.id();
            calls.add(new ContractCall(id + "#wrap", args("crypto", "tr31", "wrap",
                    "--kbpk", lower(low, v.input("kbpk")), "--header", v.input("header"),
                    "--key", lower(low, v.input("key")), "--pad", lower(low, v.input("pad"))),
                    new OneLine(v.expected("key_block"))));
            List<String> unwrap = args("crypto", "tr31", "unwrap", "--kbpk", lower(!low, v.input("kbpk")),
                    "--block", v.expected("key_block"));
            if (v.hasExpected("kcv")) {
                unwrap.add("--json");
                calls.add(new ContractCall(id + "#unwrap", unwrap, new JsonFields(Map.of(
                        "key", v.input("key"), "header", v.input("header"), "kcv", v.expected("kcv")))));
            } else {
                calls.add(new ContractCall(id + "#unwrap", unwrap, new OneLine(v.input("key"))));
            }
        }
        return calls;
    }

    private static List<String> args(String... args) {
        return new ArrayList<>(List.of(args));
    }

    private static void length(List<String> args, int wanted, int byDefault) {
        if (wanted != byDefault) {
            args.addAll(List.of("--length", String.valueOf(wanted)));
        }
    }

    /** Hex input is case-insensitive by contract: some calls send it in lower case. */
    private static String lower(boolean lower, String hex) {
        return lower ? hex.toLowerCase(Locale.ROOT) : hex;
    }

    private static IllegalStateException unknown(Vector v) {
        return new IllegalStateException("vector " + v.id() + " (" + v.algorithm() + ") has no CLI mapping");
    }
}
