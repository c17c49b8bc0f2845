package org.recsregistry.deploy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Renders the kustomizations under k8s/ in plain Java, for the few features they use: resources
 * (files and directories), namespace, images, and patches by file (strategic merge: maps merge,
 * lists of named items merge by name, anything else is replaced). A kustomization that uses any
 * other feature fails here rather than being rendered wrongly.
 */
final class Kustomizations {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

    private Kustomizations() {
    }

    /** Every YAML document of a file, in order; empty documents are skipped. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (MappingIterator<Map<String, Object>> it = YAML.readerFor(Map.class).readValues(file.toFile())) {
            while (it.hasNext()) {
                Map<String, Object> doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return docs;
    }

    /** The resources a kustomization directory renders to. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), "no kustomization.yaml in " + dir);
        Map<String, Object> kustomization = documents(file).get(0);
        for (String key : kustomization.keySet()) {
            assertTrue(SUPPORTED.contains(key), file + " uses '" + key + "', which this renderer does not implement");
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = dir.resolve((String) entry).normalize();
            resources.addAll(Files.isDirectory(path) ? render(path) : documents(path));
        }
        for (Object entry : list(kustomization.get("patches"))) {
            Map<String, Object> patchEntry = (Map<String, Object>) entry;
            assertEquals(Set.of("path"), patchEntry.keySet(), file + ": only patches by path are rendered here");
            for (Map<String, Object> patch : documents(dir.resolve((String) patchEntry.get("path")))) {
                Map<String, Object> target = resources.stream()
                        .filter(r -> Objects.equals(r.get("kind"), patch.get("kind")) && name(r).equals(name(patch)))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(file + ": patch for " + patch.get("kind") + "/" + name(patch)
                                + " has no target"));
                merge(target, patch);
            }
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            resources.forEach(r -> ((Map<String, Object>) r.get("metadata")).put("namespace", namespace));
        }
        for (Object entry : list(kustomization.get("images"))) {
            Map<String, Object> image = (Map<String, Object>) entry;
            resources.forEach(r -> retag(r, image));
        }
        return resources;
    }

    @SuppressWarnings("unchecked")
    static String name(Map<String, Object> resource) {
        return String.valueOf(((Map<String, Object>) resource.get("metadata")).get("name"));
    }

    @SuppressWarnings("unchecked")
    private static void retag(Map<String, Object> resource, Map<String, Object> image) {
        Object spec = resource.get("spec");
        if (!"Deployment".equals(resource.get("kind")) || spec == null) {
            return;
        }
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) spec)
                .get("template")).get("spec");
        for (Object c : list(podSpec.get("containers"))) {
            Map<String, Object> container = (Map<String, Object>) c;
            String current = (String) container.get("image");
            int colon = current.lastIndexOf(':');
            boolean tagged = colon > current.lastIndexOf('/');
            String repository = tagged ? current.substring(0, colon) : current;
            String tag = tagged ? current.substring(colon + 1) : null;
            if (!repository.equals(image.get("name"))) {
                continue;
            }
            String newName = image.containsKey("newName") ? (String) image.get("newName") : repository;
            String newTag = image.containsKey("newTag") ? String.valueOf(image.get("newTag")) : tag;
            container.put("image", newTag == null ? newName : newName + ":" + newTag);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object current = target.get(e.getKey());
            Object change = e.getValue();
            if (current instanceof Map && change instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) change);
            } else if (current instanceof List && change instanceof List && named((List<?>) current) && named((List<?>) change)) {
                List<Object> items = (List<Object>) current;
                for (Object item : (List<?>) change) {
                    Object itemName = ((Map<?, ?>) item).get("name");
                    Map<String, Object> existing = (Map<String, Object>) items.stream()
                            .filter(i -> Objects.equals(((Map<?, ?>) i).get("name"), itemName)).findFirst().orElse(null);
                    if (existing == null) {
                        items.add(copy(item));
                    } else {
                        merge(existing, (Map<String, Object>) item);
                    }
                }
            } else {
                target.put(e.getKey(), copy(change));
            }
        }
    }

    private static boolean named(List<?> items) {
        return !items.isEmpty() && items.stream().allMatch(i -> i instanceof Map && ((Map<?, ?>) i).containsKey("name"));
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, copy(v)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(v -> copy.add(copy(v)));
            return copy;
        }
        return value;
    }

    private static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List)) {
            fail("expected a list, got " + value);
        }
        return (List<?>) value;
    }
}
