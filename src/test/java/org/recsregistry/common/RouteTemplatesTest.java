package org.recsregistry.common;

import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * RouteTemplates repeats the templates with ids that the resources declare: every one of them, read
 * from the compiled resources' {@code @Path}s, must be there, so that a new route with an id cannot
 * have its refusals counted one series per id.
 */
class RouteTemplatesTest {

    @Test
    void shouldNameEveryRouteWithAnIdThatTheResourcesDeclare() throws IOException, URISyntaxException {
        Set<String> templates = templatesWithIds();
        assertFalse(templates.isEmpty(), "no resource templates found");
        for (String template : templates) {
            String path = template.replaceAll("\\{[^}]+}", "some-id-1");
            assertEquals(template, RouteTemplates.withId(path), path);
        }
    }

    @Test
    void shouldLeaveAPathWithoutAnIdUnnamed() {
        assertNull(RouteTemplates.withId("/api/v1/recommendations"));
        assertNull(RouteTemplates.withId("/api/v1/changes"));
        assertNull(RouteTemplates.withId("/recommendations"));
    }

    private static Set<String> templatesWithIds() throws IOException, URISyntaxException {
        java.nio.file.Path classes = java.nio.file.Path.of(
                RouteTemplates.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> templates = new TreeSet<>();
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, RouteTemplatesTest.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getDeclaredMethods()) {
                    Path sub = method.getAnnotation(Path.class);
                    String template = join(root.value(), sub == null ? "" : sub.value());
                    if (template.contains("{")) {
                        templates.add(template);
                    }
                }
            }
        }
        return templates;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
