package org.recsregistry.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Relative links between the pages and to the API, with every value percent-encoded. */
final class Links {

    private Links() {
    }

    static String list(Map<String, List<String>> parameters) {
        return "/recommendations" + query(parameters);
    }

    static String json(String path, Map<String, List<String>> parameters) {
        return path + query(parameters);
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The parameters without blank values (an empty form field), and without names left with none. */
    static Map<String, List<String>> nonBlank(Map<String, List<String>> parameters) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            List<String> nonBlank = values.stream().filter(value -> value != null && !value.isBlank()).toList();
            if (!nonBlank.isEmpty()) {
                kept.put(name, nonBlank);
            }
        });
        return kept;
    }

    /** In a stable order (addressee, status, ... as the form has them), so that one view has one URL. */
    private static String query(Map<String, List<String>> parameters) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("addressee", "status", "source", "theme", "q", "sort", "limit", "cursor")) {
            for (String value : parameters.getOrDefault(name, List.of())) {
                query.append(query.length() == 0 ? '?' : '&').append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return query.toString();
    }
}
