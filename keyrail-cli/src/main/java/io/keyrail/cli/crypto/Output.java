package io.keyrail.cli.crypto;

import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** A command's one result: one line, or one JSON object on one line. */
final class Output {

    private Output() {
    }

    static void line(CommandSpec spec, String value) {
        spec.commandLine().getOut().println(value);
    }

    static void json(CommandSpec spec, Map<String, String> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, k).append(':');
            quote(sb, v);
        });
        line(spec, sb.append('}').toString());
    }

    private static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"');
    }
}
