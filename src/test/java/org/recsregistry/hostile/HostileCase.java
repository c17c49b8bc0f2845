package org.recsregistry.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One hostile request and what may come back. {@code allowed} is the exact set of statuses
 * accepted; a 2xx is in it only where the hostile value is harmless, and {@code harmless} says why.
 * {@code frameworkAnswer} documents a 4xx that the HTTP layer gives before the application (no
 * problem+json possible), with the reason.
 */
final class HostileCase {

    final String category;
    final String name;
    String method = "GET";
    String target;
    final List<String[]> headers = new ArrayList<>();
    byte[] body;
    final Set<Integer> allowed = new TreeSet<>();
    String harmless;
    String frameworkAnswer;

    HostileCase(String category, String name) {
        this.category = category;
        this.name = name;
    }

    HostileCase request(String method, String target) {
        this.method = method;
        this.target = target;
        return this;
    }

    HostileCase header(String name, String value) {
        headers.add(new String[]{name, value});
        return this;
    }

    HostileCase bearer(String token) {
        return token == null ? this : header("Authorization", "Bearer " + token);
    }

    HostileCase body(String contentType, byte[] bytes) {
        if (contentType != null) {
            header("Content-Type", contentType);
        }
        body = bytes;
        return this;
    }

    HostileCase json(String json) {
        return body("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    HostileCase expect(Integer... statuses) {
        allowed.addAll(List.of(statuses));
        return this;
    }

    /** Allows a 2xx (given in expect) because the value is legitimately harmless, for this reason. */
    HostileCase harmless(String why) {
        harmless = why;
        return this;
    }

    HostileCase framework(String why) {
        frameworkAnswer = why;
        return this;
    }

    @Override
    public String toString() {
        return "[" + category + "] " + name;
    }
}
