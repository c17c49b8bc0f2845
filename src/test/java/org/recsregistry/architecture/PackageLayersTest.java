package org.recsregistry.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The packages stack as the README's code layout says: each imports only packages of the layers below
 * its own, so no two packages import each other.
 */
class PackageLayersTest {

    private static final Path SOURCES = Path.of("src/main/java/org/recsregistry");
    // Imports and names written out in full alike.
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.recsregistry\\.([a-z]+)\\.");
    private static final List<List<String>> LAYERS = List.of(
            List.of("db"),
            List.of("common"),
            List.of("status", "idempotency", "audit"),
            List.of("security"),
            List.of("addressee", "source", "theme"),
            List.of("recommendation"),
            List.of("change", "stats", "export", "curation"),
            List.of("web", "webhook", "dataset", "openapi"));

    @Test
    void shouldImportOnlyFromLowerLayers() throws IOException {
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String name : LAYERS.get(i)) {
                layerOf.put(name, i);
            }
        }
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String own = SOURCES.relativize(file).getName(0).toString();
                if (!layerOf.containsKey(own)) {
                    wrong.add(file + ": package " + own + " is in no layer");
                    continue;
                }
                Matcher imported = REFERENCE.matcher(Files.readString(file));
                while (imported.find()) {
                    String other = imported.group(1);
                    if (!other.equals(own) && layerOf.getOrDefault(other, Integer.MAX_VALUE) >= layerOf.get(own)) {
                        wrong.add(file + " imports " + other);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
