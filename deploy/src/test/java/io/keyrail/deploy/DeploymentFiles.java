package io.keyrail.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the deployment files of this module (its directory is the tests' working directory). */
final class DeploymentFiles {

    static final Path COMPOSE = Path.of("compose/compose.yaml");
    static final Path KUSTOMIZE_BASE = Path.of("kubernetes/base");
    static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    private DeploymentFiles() {
    }

    /** Every document of a YAML file, as maps (safe loading: plain data only). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file)) {
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
                if (document != null) {
                    documents.add((Map<String, Object>) document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents;
    }

    static Map<String, Object> document(Path file) {
        return documents(file).getFirst();
    }

    /** The map at {@code path} (the keys in turn); {@code map} itself for an empty path. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object map, String... path) {
        Object current = map;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    /** The list at {@code path}: the entry named by its last key, in the map the keys before it lead to. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object map, String... path) {
        String last = path[path.length - 1];
        return (List<Map<String, Object>>) map(map, Arrays.copyOf(path, path.length - 1)).get(last);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
