package io.keyrail.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every clear component and key a test saw, as upper-case hex with what it is (each 8-byte half of a
 * longer key too, as a single-DES half is a leak on its own), and where any of it turns up in text,
 * in upper or lower case. Reports say what leaked and where, never the value.
 */
final class ClearMaterial {

    private record Item(String what, String hex) {
    }

    private final List<Item> items = new ArrayList<>();

    void add(String what, byte[] clear) {
        String hex = TerminalCrypto.HEX.formatHex(clear);
        items.add(new Item(what, hex));
        if (clear.length > 8) {
            for (int half = 0; half < clear.length / 8; half++) {
                items.add(new Item("part " + (half + 1) + " of " + what, hex.substring(half * 16, half * 16 + 16)));
            }
        }
    }

    int size() {
        return items.size();
    }

    /** One line per hit: "{@code <source>} line n holds {@code <what>} (not shown)"; empty when the text is clean. */
    List<String> foundIn(Map<String, List<String>> textBySource) {
        List<String> hits = new ArrayList<>();
        textBySource.forEach((source, lines) -> {
            for (int i = 0; i < lines.size(); i++) {
                String upper = lines.get(i).toUpperCase(Locale.ROOT);
                for (Item item : items) {
                    if (upper.contains(item.hex())) {
                        hits.add(source + " line " + (i + 1) + " holds " + item.what() + " (not shown)");
                    }
                }
            }
        });
        return hits;
    }
}
