package io.keyrail.hsm.vectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Published known-answer vectors from {@code src/test/resources/vectors/<category>.json}: every
 * vector names its published source; this loader refuses a vector without one, so no value our
 * own code computed can pass for a published one.
 */
public final class KnownAnswerVectors {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private KnownAnswerVectors() {
    }

    /** One vector: its id, algorithm, inputs and expected values (as text), and its source. */
    public record Vector(String id, String algorithm, Map<String, String> inputs, Map<String, String> expected,
                         String source) {

        public Vector {
            if (source == null || source.isBlank()) {
                throw new IllegalStateException("vector " + id + " cites no source");
            }
        }

        public String input(String name) {
            return required(inputs, name);
        }

        public String expected(String name) {
            return required(expected, name);
        }

        public boolean hasInput(String name) {
            return inputs.containsKey(name);
        }

        public boolean hasExpected(String name) {
            return expected.containsKey(name);
        }

        private String required(Map<String, String> values, String name) {
            String v = values.get(name);
            if (v == null) {
                throw new IllegalStateException("vector " + id + " has no '" + name + "'");
            }
            return v;
        }

        /** The id, so parameterised test names say which vector ran. */
        @Override
        public String toString() {
            return id;
        }
    }

    /** All vectors of {@code category} (the file name without {@code .json}). */
    public static List<Vector> load(String category) {
        String path = "/vectors/" + category + ".json";
        try (InputStream in = KnownAnswerVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no vector file " + path);
            }
            JsonNode root = JSON.readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode v : root.get("vectors")) {
                vectors.add(new Vector(v.get("id").asString(), v.get("algorithm").asString(),
                        texts(v.get("inputs")), texts(v.get("expected")),
                        v.has("source") ? v.get("source").asString() : null));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vectors of {@code category} whose algorithm is one of {@code algorithms}. */
    public static Stream<Vector> of(String category, String... algorithms) {
        List<String> wanted = List.of(algorithms);
        return load(category).stream().filter(v -> wanted.isEmpty() || wanted.contains(v.algorithm()));
    }

    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = e.getValue();
                out.put(e.getKey(), value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return out;
    }
}
