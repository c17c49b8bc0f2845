package org.recsregistry.recommendation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The orders a recommendation list can be sorted in; the id breaks ties, so every order is total. */
enum SortOrder {
    ID("id", "f.recommendation_id"),
    UPDATED_AT("updatedAt", "f.updated_at"),
    CREATED_AT("createdAt", "f.created_at"),
    SOURCE("source", "f.source_id"),
    LOCATOR("locator", "f.locator");

    static final String DEFAULT = "id";

    final String param;
    /** The key's column in recommendation_facet (alias f), which has an index on it and the id. */
    final String column;

    SortOrder(String param, String column) {
        this.param = param;
        this.column = column;
    }

    boolean isTimestamp() {
        return this == UPDATED_AT || this == CREATED_AT;
    }

    /** A sort parameter: a key, descending with a leading '-'. */
    record Spec(SortOrder key, boolean descending) {

        static Optional<Spec> parse(String value) {
            boolean descending = value.startsWith("-");
            String name = descending ? value.substring(1) : value;
            return Arrays.stream(values()).filter(o -> o.param.equals(name)).findFirst()
                    .map(key -> new Spec(key, descending));
        }

        static String allowed() {
            return Arrays.stream(values()).map(o -> o.param + ", -" + o.param).collect(Collectors.joining(", "));
        }

        String param() {
            return (descending ? "-" : "") + key.param;
        }
    }
}
